import { signal } from '@preact/signals';

export type Language = 'vi' | 'en';

const vi = {
  'app.tagline': 'Điểm cầu — hội nghị trực tuyến và khảo sát',
  'language.label': 'Ngôn ngữ',
  'status.title': 'Tình trạng hệ thống',
  'status.loading': 'Đang kiểm tra…',
  'status.OK': 'Hoạt động bình thường',
  'status.DEGRADED': 'Cơ sở dữ liệu không phản hồi',
  'status.SHUTTING_DOWN': 'Đang tắt',
  'status.networkError': 'Không kết nối được máy chủ',
  'status.serverError': 'Máy chủ báo lỗi ({code})',
  'status.database': 'Cơ sở dữ liệu',
  'status.databaseUp': 'Có phản hồi',
  'status.databaseDown': 'Không phản hồi',
  'status.version': 'Phiên bản',
  'status.serverTime': 'Giờ máy chủ',
  'status.uptime': 'Thời gian hoạt động',
  'socket.connecting': 'Đang kết nối…',
  'socket.connected': 'Đã kết nối trực tiếp',
  'socket.reconnecting': 'Đang kết nối lại…',
  'socket.roundTrip': 'độ trễ khứ hồi {ms} ms',
};

export type MessageKey = keyof typeof vi;

const en: Record<MessageKey, string> = {
  'app.tagline': 'Điểm cầu — online conferences and surveys',
  'language.label': 'Language',
  'status.title': 'System status',
  'status.loading': 'Checking…',
  'status.OK': 'Operating normally',
  'status.DEGRADED': 'The database is not responding',
  'status.SHUTTING_DOWN': 'Shutting down',
  'status.networkError': 'Cannot reach the server',
  'status.serverError': 'The server reported an error ({code})',
  'status.database': 'Database',
  'status.databaseUp': 'Responding',
  'status.databaseDown': 'Not responding',
  'status.version': 'Version',
  'status.serverTime': 'Server time',
  'status.uptime': 'Uptime',
  'socket.connecting': 'Connecting…',
  'socket.connected': 'Live connection established',
  'socket.reconnecting': 'Reconnecting…',
  'socket.roundTrip': 'round trip {ms} ms',
};

const dictionaries: Record<Language, Record<MessageKey, string>> = { vi, en };
const storageKey = 'diemcau.language';
const timeZone = 'Asia/Ho_Chi_Minh';

function storedLanguage(): Language {
  try {
    return localStorage.getItem(storageKey) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

/** The page language: Vietnamese unless the visitor chose English before. */
export const language = signal<Language>(storedLanguage());

export function setLanguage(next: Language): void {
  language.value = next;
  try {
    localStorage.setItem(storageKey, next);
  } catch {
    // Storage is off (private mode, sandboxed embed): the choice lasts for this visit only.
  }
}

/** The text for `key` in the current language; `{name}` placeholders are filled from `params`. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  return dictionaries[language.value][key].replace(/\{(\w+)\}/g, (match, name: string) =>
    String(params[name] ?? match),
  );
}

/** Date and time in Vietnam's time zone, written the current language's way. */
export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat(language.value, { dateStyle: 'medium', timeStyle: 'medium', timeZone }).format(
    new Date(iso),
  );
}

const durationUnits = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
  ['second', 1],
] as const;

/** A duration as its two largest units, e.g. "2 ngày 3 giờ" / "2 days 3 hours". */
export function formatDuration(totalSeconds: number): string {
  let rest = Math.max(0, Math.floor(totalSeconds));
  const parts: string[] = [];
  for (const [unit, seconds] of durationUnits) {
    const amount = Math.floor(rest / seconds);
    rest -= amount * seconds;
    if (amount > 0 || (unit === 'second' && parts.length === 0)) {
      parts.push(new Intl.NumberFormat(language.value, { style: 'unit', unit, unitDisplay: 'long' }).format(amount));
    }
  }
  return parts.slice(0, 2).join(' ');
}
