/**
 * The live conference pages' own words, Vietnamese first. One dictionary per page family so that a
 * small public page (check-in, operator console, the embeddable counter) ships only its own words:
 * each is a plain object, and the bundler drops the ones a page does not import.
 */

export type Lang = 'vi' | 'en';

type Words = Record<string, string>;
export type Dictionary<W extends Words> = { vi: W; en: { [K in keyof W]: string } };
export type Translate<W extends Words> = (key: keyof W & string, params?: Record<string, string | number>) => string;

/** `t(key, { n: 3 })` in the language `lang()` returns now (a signal read, so components follow a switch). */
export function translator<W extends Words>(dictionary: Dictionary<W>, lang: () => Lang): Translate<W> {
  return (key, params = {}) =>
    dictionary[lang()][key].replace(/\{(\w+)\}/g, (match, name: string) => String(params[name] ?? match));
}

const timeZone = 'Asia/Ho_Chi_Minh';

/** 12.345 / 12,345 */
export function formatNumber(lang: Lang, value: number): string {
  return new Intl.NumberFormat(lang).format(value);
}

/** Clock time in Vietnam, e.g. 09:15:03. */
export function formatClock(lang: Lang, iso: string | number | Date, seconds = true): string {
  return new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    second: seconds ? '2-digit' : undefined,
    timeZone,
  }).format(new Date(iso));
}

/** Date and time in Vietnam, e.g. 08:00 15/03/2026. */
export function formatWhen(lang: Lang, iso: string | number | Date): string {
  return new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(iso));
}

/** Words every live page uses: connection states, statuses, the language switch. */
export const commonWords: Dictionary<{
  language: string;
  connecting: string;
  connected: string;
  reconnecting: string;
  offline: string;
  SCHEDULED: string;
  LIVE: string;
  ENDED: string;
  CONNECTED: string;
  UNSTABLE: string;
  DROPPED: string;
  NEVER_CONNECTED: string;
}> = {
  vi: {
    language: 'Ngôn ngữ',
    connecting: 'Đang kết nối…',
    connected: 'Đã kết nối',
    reconnecting: 'Mất kết nối — đang kết nối lại…',
    offline: 'Không kết nối được',
    SCHEDULED: 'Chưa bắt đầu',
    LIVE: 'Đang diễn ra',
    ENDED: 'Đã kết thúc',
    CONNECTED: 'Đã kết nối',
    UNSTABLE: 'Chập chờn',
    DROPPED: 'Mất kết nối',
    NEVER_CONNECTED: 'Chưa kết nối',
  },
  en: {
    language: 'Language',
    connecting: 'Connecting…',
    connected: 'Connected',
    reconnecting: 'Connection lost — reconnecting…',
    offline: 'Cannot connect',
    SCHEDULED: 'Not started',
    LIVE: 'Live',
    ENDED: 'Ended',
    CONNECTED: 'Connected',
    UNSTABLE: 'Unstable',
    DROPPED: 'Dropped',
    NEVER_CONNECTED: 'Never connected',
  },
};

/** Handshake refusals (`connect_error` data codes) as sentences for the person in front of the page. */
export const refusalWords: Dictionary<{
  BAD_INPUT: string;
  BAD_TOKEN: string;
  TOKEN_REVOKED: string;
  WRONG_CONFERENCE: string;
  BAD_CHECK_IN_CODE: string;
  CONFERENCE_NOT_FOUND: string;
  CONFERENCE_ENDED: string;
  UNAUTHENTICATED: string;
  FORBIDDEN: string;
  RATE_LIMITED: string;
  UNAVAILABLE: string;
  other: string;
}> = {
  vi: {
    BAD_INPUT: 'Thông tin chưa hợp lệ. Kiểm tra lại rồi thử lại.',
    BAD_TOKEN: 'Liên kết điều hành không hợp lệ. Hãy mở đúng liên kết ban tổ chức đã gửi.',
    TOKEN_REVOKED: 'Liên kết điều hành này đã bị thu hồi. Hãy liên hệ ban tổ chức để nhận liên kết mới.',
    WRONG_CONFERENCE: 'Liên kết này thuộc một hội nghị khác.',
    BAD_CHECK_IN_CODE: 'Mã điểm danh không đúng. Xem lại mã trên màn hình của điểm cầu.',
    CONFERENCE_NOT_FOUND: 'Không có hội nghị này. Kiểm tra lại đường dẫn.',
    CONFERENCE_ENDED: 'Hội nghị đã kết thúc.',
    UNAUTHENTICATED: 'Hãy đăng nhập để xem bảng theo dõi.',
    FORBIDDEN: 'Hội nghị nằm ngoài phạm vi tài khoản của bạn.',
    RATE_LIMITED: 'Nhập sai mã quá nhiều lần. Hãy đợi khoảng 10 phút rồi thử lại.',
    UNAVAILABLE: 'Máy chủ đang bận hoặc khởi động lại; đang thử lại…',
    other: 'Không kết nối được ({code}). Hãy thử lại.',
  },
  en: {
    BAD_INPUT: 'Some details are not valid. Check them and try again.',
    BAD_TOKEN: 'This operator link is not valid. Open the exact link the organizers sent.',
    TOKEN_REVOKED: 'This operator link was revoked. Ask the organizers for a new one.',
    WRONG_CONFERENCE: 'This link belongs to another conference.',
    BAD_CHECK_IN_CODE: 'Wrong check-in code. Check the code on the bridge point’s screen.',
    CONFERENCE_NOT_FOUND: 'There is no such conference. Check the address.',
    CONFERENCE_ENDED: 'The conference has ended.',
    UNAUTHENTICATED: 'Sign in to see the dashboard.',
    FORBIDDEN: 'This conference is outside your account’s scope.',
    RATE_LIMITED: 'Too many wrong codes. Wait about 10 minutes and try again.',
    UNAVAILABLE: 'The server is busy or restarting; retrying…',
    other: 'Could not connect ({code}). Try again.',
  },
};

export const checkInWords: Dictionary<{
  title: string;
  intro: string;
  name: string;
  nameRequired: string;
  nameTooLong: string;
  memberNumber: string;
  memberNumberHint: string;
  memberNumberInvalid: string;
  code: string;
  codeHint: string;
  codeRequired: string;
  submit: string;
  submitting: string;
  slow: string;
  doneTitle: string;
  doneAt: string;
  doneConference: string;
  doneTime: string;
  keepOpen: string;
  again: string;
  notStarted: string;
  ended: string;
}> = {
  vi: {
    title: 'Điểm danh',
    intro: 'Điểm danh tham dự hội nghị trực tuyến.',
    name: 'Họ và tên',
    nameRequired: 'Hãy nhập họ và tên',
    nameTooLong: 'Họ và tên dài quá {max} ký tự',
    memberNumber: 'Số thẻ đảng viên (không bắt buộc)',
    memberNumberHint: 'Chữ và số, không quá {max} ký tự.',
    memberNumberInvalid: 'Số thẻ chỉ gồm chữ và số, không quá {max} ký tự',
    code: 'Mã điểm danh',
    codeHint: 'Mã 6 ký tự trên màn hình của điểm cầu.',
    codeRequired: 'Hãy nhập mã điểm danh',
    submit: 'Điểm danh',
    submitting: 'Đang điểm danh…',
    slow: 'Mạng chậm, vẫn đang thử…',
    doneTitle: 'Bạn đã điểm danh',
    doneAt: 'Bạn đã điểm danh tại {place}.',
    doneConference: 'Hội nghị',
    doneTime: 'Lúc',
    keepOpen: 'Có thể để trang này mở trong suốt hội nghị để được tính là đang có mặt.',
    again: 'Điểm danh cho người khác',
    notStarted: 'Hội nghị chưa bắt đầu; bạn vẫn được ghi nhận.',
    ended: 'Hội nghị đã kết thúc.',
  },
  en: {
    title: 'Check in',
    intro: 'Check in to the online conference.',
    name: 'Full name',
    nameRequired: 'Enter your full name',
    nameTooLong: 'The name is longer than {max} characters',
    memberNumber: 'Party card number (optional)',
    memberNumberHint: 'Letters and digits, at most {max}.',
    memberNumberInvalid: 'Letters and digits only, at most {max}',
    code: 'Check-in code',
    codeHint: 'The 6-character code on the bridge point’s screen.',
    codeRequired: 'Enter the check-in code',
    submit: 'Check in',
    submitting: 'Checking in…',
    slow: 'Slow network, still trying…',
    doneTitle: 'You are checked in',
    doneAt: 'You are checked in at {place}.',
    doneConference: 'Conference',
    doneTime: 'At',
    keepOpen: 'You may keep this page open during the conference to count as present.',
    again: 'Check in someone else',
    notStarted: 'The conference has not started yet; your check-in is recorded.',
    ended: 'The conference has ended.',
  },
};

export const operatorWords: Dictionary<{
  title: string;
  noToken: string;
  host: string;
  conference: string;
  schedule: string;
  headcountTitle: string;
  headcount: string;
  headcountHint: string;
  minus: string;
  plus: string;
  minusTen: string;
  plusTen: string;
  send: string;
  sending: string;
  sentAt: string;
  notSent: string;
  queued: string;
  headcountInvalid: string;
  present: string;
  checkIns: string;
  expected: string;
  reported: string;
  checkInTitle: string;
  checkInHelp: string;
  excusedTitle: string;
  excusedNone: string;
  excusedName: string;
  excusedReason: string;
  excusedAdd: string;
  excusedRemove: string;
  excusedRemoveFor: string;
  excusedAdded: string;
  excusedRemoved: string;
  excusedNameRequired: string;
  excusedReasonRequired: string;
  needConnection: string;
  revoked: string;
  ended: string;
  failed: string;
  consoles: string;
}> = {
  vi: {
    title: 'Bảng điều hành điểm cầu',
    noToken: 'Đường dẫn thiếu mã điều hành. Hãy mở đúng liên kết ban tổ chức đã gửi (có phần sau dấu #).',
    host: 'Điểm cầu chính',
    conference: 'Hội nghị',
    schedule: 'Thời gian',
    headcountTitle: 'Số người có mặt',
    headcount: 'Số người đang có mặt tại điểm cầu',
    headcountHint: 'Bấm − / + hoặc gõ số; số mới được gửi ngay.',
    minus: 'Bớt 1 người',
    plus: 'Thêm 1 người',
    minusTen: 'Bớt 10 người',
    plusTen: 'Thêm 10 người',
    send: 'Gửi',
    sending: 'Đang gửi {n}…',
    sentAt: 'Đã gửi {n} người lúc {time}.',
    notSent: 'Chưa báo cáo số người.',
    queued: 'Chưa gửi được {n}: sẽ gửi ngay khi kết nối lại.',
    headcountInvalid: 'Nhập một số nguyên từ 0 đến {max}',
    present: 'Được tính có mặt',
    checkIns: 'Đã điểm danh',
    expected: 'Dự kiến',
    reported: 'Đã báo cáo',
    checkInTitle: 'Điểm danh của đại biểu',
    checkInHelp: 'Đại biểu mở {url} hoặc quét mã QR trên màn hình, nhập mã',
    excusedTitle: 'Vắng có lý do',
    excusedNone: 'Chưa ghi nhận ai vắng có lý do.',
    excusedName: 'Họ và tên người vắng',
    excusedReason: 'Lý do',
    excusedAdd: 'Ghi nhận vắng',
    excusedRemove: 'Xoá',
    excusedRemoveFor: 'Xoá {name} khỏi danh sách vắng',
    excusedAdded: 'Đã ghi nhận {name} vắng có lý do.',
    excusedRemoved: 'Đã xoá {name} khỏi danh sách vắng.',
    excusedNameRequired: 'Hãy nhập họ và tên',
    excusedReasonRequired: 'Hãy nhập lý do',
    needConnection: 'Cần có kết nối để ghi nhận. Hãy thử lại khi đã kết nối.',
    revoked: 'Liên kết điều hành này đã bị thu hồi. Hãy liên hệ ban tổ chức để nhận liên kết mới.',
    ended: 'Hội nghị đã kết thúc. Cảm ơn điểm cầu đã tham gia.',
    failed: 'Không thực hiện được ({code}). Hãy thử lại.',
    consoles: '{n} thiết bị điều hành đang mở',
  },
  en: {
    title: 'Bridge point console',
    noToken: 'The address lacks the operator key. Open the exact link the organizers sent (with the part after #).',
    host: 'Host bridge point',
    conference: 'Conference',
    schedule: 'Time',
    headcountTitle: 'Headcount',
    headcount: 'People present at the bridge point now',
    headcountHint: 'Press − / + or type a number; a new number is sent at once.',
    minus: 'One fewer',
    plus: 'One more',
    minusTen: 'Ten fewer',
    plusTen: 'Ten more',
    send: 'Send',
    sending: 'Sending {n}…',
    sentAt: 'Sent {n} people at {time}.',
    notSent: 'No headcount reported yet.',
    queued: '{n} not sent yet: it goes out as soon as the connection is back.',
    headcountInvalid: 'Enter a whole number from 0 to {max}',
    present: 'Counted present',
    checkIns: 'Checked in',
    expected: 'Expected',
    reported: 'Reported',
    checkInTitle: 'Participants’ check-in',
    checkInHelp: 'Participants open {url} or scan the QR code on the screen, and enter the code',
    excusedTitle: 'Excused absences',
    excusedNone: 'Nobody is recorded as excused.',
    excusedName: 'Name of the absent person',
    excusedReason: 'Reason',
    excusedAdd: 'Record absence',
    excusedRemove: 'Remove',
    excusedRemoveFor: 'Remove {name} from the excused list',
    excusedAdded: '{name} recorded as excused.',
    excusedRemoved: '{name} removed from the excused list.',
    excusedNameRequired: 'Enter the name',
    excusedReasonRequired: 'Enter the reason',
    needConnection: 'A connection is needed to record this. Try again once connected.',
    revoked: 'This operator link was revoked. Ask the organizers for a new one.',
    ended: 'The conference has ended. Thank you for taking part.',
    failed: 'That did not work ({code}). Try again.',
    consoles: '{n} consoles open',
  },
};

export const counterWords: Dictionary<{
  bridgePoints: string;
  present: string;
  of: string;
  updated: string;
  unavailable: string;
  loading: string;
}> = {
  vi: {
    bridgePoints: 'Điểm cầu đã kết nối',
    present: 'Đại biểu có mặt',
    of: 'trên {n}',
    updated: 'Cập nhật lúc {time}',
    unavailable: 'Chưa có số liệu trực tiếp.',
    loading: 'Đang tải số liệu…',
  },
  en: {
    bridgePoints: 'Bridge points connected',
    present: 'Participants present',
    of: 'of {n}',
    updated: 'Updated at {time}',
    unavailable: 'No live figures yet.',
    loading: 'Loading figures…',
  },
};

export const dashboardWords: Dictionary<{
  title: string;
  back: string;
  fullscreen: string;
  exitFullscreen: string;
  bridgePoints: string;
  connectedOf: string;
  present: string;
  presentOf: string;
  rate: string;
  peak: string;
  peakAt: string;
  unstable: string;
  dropped: string;
  neverConnected: string;
  checkIns: string;
  reported: string;
  problemsTitle: string;
  problemsNone: string;
  droppedFor: string;
  unstableSince: string;
  andMore: string;
  tableTitle: string;
  groupBy: string;
  levelN: string;
  eachBridgePoint: string;
  show: string;
  showAll: string;
  showProblems: string;
  unit: string;
  bridgePoint: string;
  status: string;
  connected: string;
  expected: string;
  consoles: string;
  openUnit: string;
  top: string;
  drill: string;
  rowsCount: string;
  timelineTitle: string;
  timelineSummary: string;
  timelineEmpty: string;
  host: string;
  waiting: string;
  statusEnded: string;
  updatedAt: string;
  notFound: string;
}> = {
  vi: {
    title: 'Bảng theo dõi trực tiếp',
    back: 'Về trang hội nghị',
    fullscreen: 'Toàn màn hình',
    exitFullscreen: 'Thoát toàn màn hình',
    bridgePoints: 'Điểm cầu đã kết nối',
    connectedOf: 'trên tổng số {n} điểm cầu',
    present: 'Đại biểu có mặt',
    presentOf: 'trên {n} dự kiến',
    rate: 'Tỷ lệ có mặt',
    peak: 'Cao nhất',
    peakAt: '{n} người lúc {time}',
    unstable: 'Chập chờn',
    dropped: 'Mất kết nối',
    neverConnected: 'Chưa kết nối',
    checkIns: 'Đã điểm danh',
    reported: 'Đã báo cáo',
    problemsTitle: 'Điểm cầu cần chú ý',
    problemsNone: 'Tất cả điểm cầu đang kết nối.',
    droppedFor: 'mất {d}',
    unstableSince: 'chập chờn {d}',
    andMore: 'và {n} điểm cầu khác',
    tableTitle: 'Theo đơn vị',
    groupBy: 'Tổng hợp theo',
    levelN: 'Cấp {n}',
    eachBridgePoint: 'Từng điểm cầu',
    show: 'Hiển thị',
    showAll: 'Tất cả',
    showProblems: 'Chỉ điểm cầu có vấn đề',
    unit: 'Đơn vị',
    bridgePoint: 'Điểm cầu',
    status: 'Trạng thái',
    connected: 'Kết nối',
    expected: 'Dự kiến',
    consoles: 'Thiết bị',
    openUnit: 'Xem chi tiết {name}',
    top: 'Toàn bộ',
    drill: 'Đang xem',
    rowsCount: '{n} dòng',
    timelineTitle: 'Diễn biến',
    timelineSummary: 'Số đại biểu có mặt và số điểm cầu kết nối theo thời gian, mỗi 5 giây.',
    timelineEmpty: 'Biểu đồ bắt đầu khi hội nghị diễn ra.',
    host: 'Điểm cầu chính',
    waiting: 'Đang nhận số liệu…',
    statusEnded: 'Hội nghị đã kết thúc; số liệu dưới đây là lúc kết thúc.',
    updatedAt: 'Cập nhật {time}',
    notFound: 'Không mở được hội nghị này.',
  },
  en: {
    title: 'Live dashboard',
    back: 'Back to the conference',
    fullscreen: 'Full screen',
    exitFullscreen: 'Exit full screen',
    bridgePoints: 'Bridge points connected',
    connectedOf: 'of {n} bridge points',
    present: 'Participants present',
    presentOf: 'of {n} expected',
    rate: 'Attendance',
    peak: 'Peak',
    peakAt: '{n} people at {time}',
    unstable: 'Unstable',
    dropped: 'Dropped',
    neverConnected: 'Never connected',
    checkIns: 'Checked in',
    reported: 'Reported',
    problemsTitle: 'Bridge points needing attention',
    problemsNone: 'Every bridge point is connected.',
    droppedFor: 'down {d}',
    unstableSince: 'unstable {d}',
    andMore: 'and {n} more bridge points',
    tableTitle: 'By unit',
    groupBy: 'Group by',
    levelN: 'Level {n}',
    eachBridgePoint: 'Each bridge point',
    show: 'Show',
    showAll: 'All',
    showProblems: 'Only bridge points with problems',
    unit: 'Unit',
    bridgePoint: 'Bridge point',
    status: 'Status',
    connected: 'Connected',
    expected: 'Expected',
    consoles: 'Consoles',
    openUnit: 'Open {name}',
    top: 'All',
    drill: 'Showing',
    rowsCount: '{n} rows',
    timelineTitle: 'Over time',
    timelineSummary: 'Participants present and bridge points connected over time, every 5 seconds.',
    timelineEmpty: 'The chart starts when the conference is live.',
    host: 'Host bridge point',
    waiting: 'Receiving figures…',
    statusEnded: 'The conference has ended; the figures below are those at the end.',
    updatedAt: 'Updated {time}',
    notFound: 'This conference cannot be opened.',
  },
};

/** "3 phút 20 giây" / "3 min 20 s": how long a bridge point has been down. */
export function formatSince(lang: Lang, fromIso: string, now: number): string {
  const seconds = Math.max(0, Math.round((now - Date.parse(fromIso)) / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const unit = (n: number, u: 'hour' | 'minute' | 'second') =>
    new Intl.NumberFormat(lang, { style: 'unit', unit: u, unitDisplay: 'short' }).format(n);
  if (h > 0) return `${unit(h, 'hour')} ${unit(m, 'minute')}`;
  if (m > 0) return `${unit(m, 'minute')} ${unit(s, 'second')}`;
  return unit(s, 'second');
}

export const organizerWords: Dictionary<{
  listTitle: string;
  listLead: string;
  none: string;
  filterStatus: string;
  all: string;
  more: string;
  bridgePointsN: string;
  createTitle: string;
  create: string;
  creating: string;
  titleLabel: string;
  titleRequired: string;
  descriptionLabel: string;
  organizingUnit: string;
  organizingUnitHint: string;
  organizingUnitRequired: string;
  start: string;
  end: string;
  timeHint: string;
  timeRequired: string;
  endBeforeStart: string;
  documents: string;
  documentCode: string;
  documentTitle: string;
  documentAdd: string;
  documentRemove: string;
  created: string;
  overview: string;
  organizer: string;
  schedule: string;
  startedAt: string;
  endedAt: string;
  openDashboard: string;
  printSheet: string;
  startConference: string;
  startConfirm: string;
  startNow: string;
  started: string;
  noHost: string;
  endConference: string;
  endConfirm: string;
  endNow: string;
  ended: string;
  deleteConference: string;
  deleteConfirm: string;
  deleteNow: string;
  deleted: string;
  cancel: string;
  publicCounter: string;
  publicCounterHint: string;
  publicCounterOn: string;
  publicCounterOff: string;
  embedCode: string;
  bridgePointsTitle: string;
  bridgePointsNone: string;
  bridgePointsCount: string;
  bulkTitle: string;
  bulkHelp: string;
  bulkUnder: string;
  bulkKinds: string;
  bulkKindsRequired: string;
  bulkUnderRequired: string;
  expectedEach: string;
  expected: string;
  expectedInvalid: string;
  bulkCreate: string;
  bulkCreated: string;
  singleTitle: string;
  singleUnit: string;
  singleHost: string;
  singleCreate: string;
  singleCreated: string;
  unitRequired: string;
  name: string;
  unit: string;
  code: string;
  operatorLink: string;
  actions: string;
  host: string;
  makeHost: string;
  madeHost: string;
  showLink: string;
  hideLink: string;
  copy: string;
  copied: string;
  copyFailed: string;
  rotate: string;
  rotateConfirm: string;
  rotateNow: string;
  rotated: string;
  revoke: string;
  revokeConfirm: string;
  revokeNow: string;
  revokedNotice: string;
  linkRevoked: string;
  remove: string;
  removeConfirm: string;
  removeNow: string;
  removed: string;
  linksCsv: string;
  linksCsvDone: string;
  loadMore: string;
  connectedOnce: string;
  attendanceTitle: string;
  attendanceLive: string;
  attendanceFinal: string;
  everConnected: string;
  neverConnected: string;
  reported: string;
  checkIns: string;
  excused: string;
  peak: string;
  connectedFor: string;
  downloadBridgePoints: string;
  downloadCheckIns: string;
  downloadXlsx: string;
  downloadBridgePointsXlsx: string;
  downloadCheckInsXlsx: string;
  downloaded: string;
  sheetTitle: string;
  sheetLead: string;
  sheetLayout: string;
  sheetGrid: string;
  sheetOne: string;
  print: string;
  sheetLoading: string;
  sheetHow: string;
  failed: string;
}> = {
  vi: {
    listTitle: 'Hội nghị trực tuyến',
    listLead: 'Hội nghị học tập, quán triệt do các đơn vị trong phạm vi của bạn tổ chức.',
    none: 'Chưa có hội nghị nào.',
    filterStatus: 'Trạng thái',
    all: 'Tất cả',
    more: 'Xem thêm',
    bridgePointsN: '{n} điểm cầu',
    createTitle: 'Tạo hội nghị',
    create: 'Tạo hội nghị',
    creating: 'Đang tạo…',
    titleLabel: 'Tên hội nghị',
    titleRequired: 'Hãy nhập tên hội nghị',
    descriptionLabel: 'Mô tả (không bắt buộc)',
    organizingUnit: 'Đơn vị tổ chức',
    organizingUnitHint: 'Điểm cầu phải là đơn vị này hoặc đơn vị trực thuộc.',
    organizingUnitRequired: 'Hãy chọn đơn vị tổ chức',
    start: 'Bắt đầu',
    end: 'Kết thúc',
    timeHint: 'Giờ Việt Nam.',
    timeRequired: 'Hãy chọn ngày giờ',
    endBeforeStart: 'Giờ kết thúc phải sau giờ bắt đầu',
    documents: 'Văn bản học tập, quán triệt',
    documentCode: 'Số hiệu',
    documentTitle: 'Trích yếu',
    documentAdd: 'Thêm văn bản',
    documentRemove: 'Bỏ văn bản {code}',
    created: 'Đã tạo hội nghị “{title}”.',
    overview: 'Thông tin chung',
    organizer: 'Đơn vị tổ chức',
    schedule: 'Thời gian',
    startedAt: 'Bắt đầu lúc',
    endedAt: 'Kết thúc lúc',
    openDashboard: 'Mở bảng theo dõi trực tiếp',
    printSheet: 'In mã điểm danh',
    startConference: 'Bắt đầu hội nghị…',
    startConfirm:
      'Bắt đầu hội nghị “{title}” với {n} điểm cầu? Từ lúc này, thời gian kết nối và số người có mặt được ghi nhận.',
    startNow: 'Bắt đầu ngay',
    started: 'Hội nghị đã bắt đầu.',
    noHost: 'Cần chọn điểm cầu chính trước khi bắt đầu.',
    endConference: 'Kết thúc hội nghị…',
    endConfirm:
      'Kết thúc hội nghị “{title}”? Các điểm cầu và đại biểu bị ngắt kết nối, biên bản điểm danh được khoá và không thể mở lại.',
    endNow: 'Kết thúc ngay',
    ended: 'Hội nghị đã kết thúc; biên bản điểm danh đã khoá.',
    deleteConference: 'Xoá hội nghị…',
    deleteConfirm: 'Xoá hội nghị “{title}” và các điểm cầu của nó? Không thể hoàn tác.',
    deleteNow: 'Xoá ngay',
    deleted: 'Đã xoá hội nghị.',
    cancel: 'Huỷ',
    publicCounter: 'Công khai số liệu tổng hợp',
    publicCounterHint:
      'Cho phép cổng thông tin hiển thị số điểm cầu kết nối và số đại biểu có mặt (không có tên điểm cầu hay người).',
    publicCounterOn: 'Đã công khai số liệu tổng hợp.',
    publicCounterOff: 'Đã thôi công khai số liệu.',
    embedCode: 'Mã nhúng cho cổng thông tin',
    bridgePointsTitle: 'Điểm cầu',
    bridgePointsNone: 'Chưa có điểm cầu nào. Thêm hàng loạt theo loại đơn vị, hoặc từng điểm cầu.',
    bridgePointsCount: '{n} điểm cầu',
    bulkTitle: 'Thêm điểm cầu hàng loạt',
    bulkHelp: 'Mỗi đơn vị thuộc các loại đã chọn dưới đơn vị này có một điểm cầu; đơn vị đã có điểm cầu được bỏ qua.',
    bulkUnder: 'Các đơn vị thuộc',
    bulkKinds: 'Loại đơn vị',
    bulkKindsRequired: 'Chọn ít nhất một loại đơn vị',
    bulkUnderRequired: 'Hãy chọn đơn vị',
    expectedEach: 'Số đại biểu dự kiến mỗi điểm cầu',
    expected: 'Dự kiến',
    expectedInvalid: 'Nhập số nguyên từ 0 đến 100.000',
    bulkCreate: 'Thêm điểm cầu',
    bulkCreated: 'Đã thêm {created} điểm cầu; bỏ qua {skipped} đơn vị đã có.',
    singleTitle: 'Thêm một điểm cầu',
    singleUnit: 'Đơn vị',
    singleHost: 'Là điểm cầu chính',
    singleCreate: 'Thêm',
    singleCreated: 'Đã thêm điểm cầu {name}.',
    unitRequired: 'Hãy chọn đơn vị',
    name: 'Điểm cầu',
    unit: 'Đơn vị',
    code: 'Mã điểm danh',
    operatorLink: 'Liên kết điều hành',
    actions: 'Thao tác',
    host: 'Điểm cầu chính',
    makeHost: 'Đặt làm điểm cầu chính',
    madeHost: '{name} là điểm cầu chính.',
    showLink: 'Hiện',
    hideLink: 'Ẩn',
    copy: 'Sao chép',
    copied: 'Đã sao chép liên kết của {name}.',
    copyFailed: 'Không sao chép tự động được; hãy chọn liên kết và sao chép thủ công.',
    rotate: 'Cấp lại',
    rotateConfirm: 'Cấp liên kết mới cho {name}? Liên kết cũ ngừng hoạt động và thiết bị đang mở bị ngắt ngay.',
    rotateNow: 'Cấp liên kết mới',
    rotated: 'Đã cấp liên kết mới cho {name}.',
    revoke: 'Thu hồi',
    revokeConfirm: 'Thu hồi liên kết điều hành của {name}? Thiết bị đang mở bị ngắt ngay.',
    revokeNow: 'Thu hồi ngay',
    revokedNotice: 'Đã thu hồi liên kết của {name}.',
    linkRevoked: 'Đã thu hồi',
    remove: 'Xoá',
    removeConfirm: 'Xoá điểm cầu {name}?',
    removeNow: 'Xoá ngay',
    removed: 'Đã xoá điểm cầu {name}.',
    linksCsv: 'Tải danh sách liên kết (CSV)',
    linksCsvDone: 'Đã tải {file}.',
    loadMore: 'Xem thêm {n} điểm cầu',
    connectedOnce: 'đã từng kết nối',
    attendanceTitle: 'Biên bản điểm danh',
    attendanceLive: 'Số liệu tạm thời: hội nghị chưa kết thúc.',
    attendanceFinal: 'Biên bản đã khoá lúc {time}.',
    everConnected: 'Điểm cầu đã kết nối',
    neverConnected: 'Chưa từng kết nối',
    reported: 'Số người báo cáo',
    checkIns: 'Đại biểu điểm danh',
    excused: 'Vắng có lý do',
    peak: 'Có mặt cao nhất',
    connectedFor: 'Thời gian kết nối',
    downloadBridgePoints: 'Tải biên bản theo điểm cầu (CSV)',
    downloadCheckIns: 'Tải danh sách điểm danh (CSV)',
    downloadXlsx: 'Bảng tính Excel:',
    downloadBridgePointsXlsx: 'theo điểm cầu (XLSX)',
    downloadCheckInsXlsx: 'danh sách điểm danh (XLSX)',
    downloaded: 'Đã tải {file}.',
    sheetTitle: 'Mã điểm danh của các điểm cầu',
    sheetLead: 'In và đặt trên màn hình hoặc bàn của từng điểm cầu. Đại biểu quét mã QR hoặc mở địa chỉ và nhập mã.',
    sheetLayout: 'Cách in',
    sheetGrid: 'Nhiều điểm cầu mỗi trang',
    sheetOne: 'Mỗi điểm cầu một trang (chiếu lên màn hình)',
    print: 'In',
    sheetLoading: 'Đang tải {n}/{total}…',
    sheetHow: 'Quét mã QR hoặc mở địa chỉ, nhập mã:',
    failed: 'Không tải được: {message}',
  },
  en: {
    listTitle: 'Online conferences',
    listLead: 'Study conferences organized by units within your scope.',
    none: 'No conferences yet.',
    filterStatus: 'Status',
    all: 'All',
    more: 'Show more',
    bridgePointsN: '{n} bridge points',
    createTitle: 'Create a conference',
    create: 'Create conference',
    creating: 'Creating…',
    titleLabel: 'Title',
    titleRequired: 'Enter the title',
    descriptionLabel: 'Description (optional)',
    organizingUnit: 'Organizing unit',
    organizingUnitHint: 'Bridge points must be this unit or units under it.',
    organizingUnitRequired: 'Choose the organizing unit',
    start: 'Starts',
    end: 'Ends',
    timeHint: 'Vietnam time.',
    timeRequired: 'Choose a date and time',
    endBeforeStart: 'The end must follow the start',
    documents: 'Documents studied',
    documentCode: 'Code',
    documentTitle: 'Title',
    documentAdd: 'Add a document',
    documentRemove: 'Remove document {code}',
    created: 'Conference “{title}” created.',
    overview: 'Overview',
    organizer: 'Organizing unit',
    schedule: 'Schedule',
    startedAt: 'Started',
    endedAt: 'Ended',
    openDashboard: 'Open the live dashboard',
    printSheet: 'Print check-in codes',
    startConference: 'Start the conference…',
    startConfirm:
      'Start “{title}” with {n} bridge points? From now on connection time and people present are recorded.',
    startNow: 'Start now',
    started: 'The conference has started.',
    noHost: 'Choose the host bridge point before starting.',
    endConference: 'End the conference…',
    endConfirm:
      'End “{title}”? Bridge points and participants are disconnected and the attendance record is locked for good.',
    endNow: 'End now',
    ended: 'The conference has ended; the attendance record is locked.',
    deleteConference: 'Delete the conference…',
    deleteConfirm: 'Delete “{title}” and its bridge points? This cannot be undone.',
    deleteNow: 'Delete now',
    deleted: 'Conference deleted.',
    cancel: 'Cancel',
    publicCounter: 'Make the totals public',
    publicCounterHint:
      'Lets a portal show the bridge points connected and participants present (no names of sites or people).',
    publicCounterOn: 'The totals are public.',
    publicCounterOff: 'The totals are no longer public.',
    embedCode: 'Embed code for a portal',
    bridgePointsTitle: 'Bridge points',
    bridgePointsNone: 'No bridge points yet. Add them in bulk by unit kind, or one by one.',
    bridgePointsCount: '{n} bridge points',
    bulkTitle: 'Add bridge points in bulk',
    bulkHelp: 'One bridge point for every unit of the chosen kinds under this unit; units that have one are skipped.',
    bulkUnder: 'Units under',
    bulkKinds: 'Unit kinds',
    bulkKindsRequired: 'Choose at least one unit kind',
    bulkUnderRequired: 'Choose a unit',
    expectedEach: 'Expected participants per bridge point',
    expected: 'Expected',
    expectedInvalid: 'Enter a whole number from 0 to 100,000',
    bulkCreate: 'Add bridge points',
    bulkCreated: 'Added {created} bridge points; skipped {skipped} units that had one.',
    singleTitle: 'Add one bridge point',
    singleUnit: 'Unit',
    singleHost: 'Host bridge point',
    singleCreate: 'Add',
    singleCreated: 'Bridge point {name} added.',
    unitRequired: 'Choose a unit',
    name: 'Bridge point',
    unit: 'Unit',
    code: 'Check-in code',
    operatorLink: 'Operator link',
    actions: 'Actions',
    host: 'Host bridge point',
    makeHost: 'Make host',
    madeHost: '{name} is the host bridge point.',
    showLink: 'Show',
    hideLink: 'Hide',
    copy: 'Copy',
    copied: 'Link of {name} copied.',
    copyFailed: 'Could not copy automatically; select the link and copy it by hand.',
    rotate: 'Reissue',
    rotateConfirm: 'Issue a new link for {name}? The old one stops and open consoles are disconnected at once.',
    rotateNow: 'Issue a new link',
    rotated: 'New link issued for {name}.',
    revoke: 'Revoke',
    revokeConfirm: 'Revoke the operator link of {name}? Open consoles are disconnected at once.',
    revokeNow: 'Revoke now',
    revokedNotice: 'Link of {name} revoked.',
    linkRevoked: 'Revoked',
    remove: 'Delete',
    removeConfirm: 'Delete bridge point {name}?',
    removeNow: 'Delete now',
    removed: 'Bridge point {name} deleted.',
    linksCsv: 'Download the links (CSV)',
    linksCsvDone: '{file} downloaded.',
    loadMore: 'Show {n} more bridge points',
    connectedOnce: 'has connected',
    attendanceTitle: 'Attendance record',
    attendanceLive: 'Provisional: the conference has not ended.',
    attendanceFinal: 'Record locked at {time}.',
    everConnected: 'Bridge points that connected',
    neverConnected: 'Never connected',
    reported: 'Reported headcount',
    checkIns: 'Participants checked in',
    excused: 'Excused absences',
    peak: 'Peak present',
    connectedFor: 'Connected for',
    downloadBridgePoints: 'Download the record by bridge point (CSV)',
    downloadCheckIns: 'Download the roll call (CSV)',
    downloadXlsx: 'Excel workbooks:',
    downloadBridgePointsXlsx: 'by bridge point (XLSX)',
    downloadCheckInsXlsx: 'the roll call (XLSX)',
    downloaded: '{file} downloaded.',
    sheetTitle: 'Check-in codes of the bridge points',
    sheetLead:
      'Print and put on each bridge point’s screen or table. Participants scan the QR code, or open the address and type the code.',
    sheetLayout: 'Layout',
    sheetGrid: 'Several bridge points a page',
    sheetOne: 'One bridge point a page (for a screen)',
    print: 'Print',
    sheetLoading: 'Loading {n}/{total}…',
    sheetHow: 'Scan the QR code, or open the address and type the code:',
    failed: 'Could not load: {message}',
  },
};
