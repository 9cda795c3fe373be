import { AppError } from '../graphql/app-error.ts';

export class ConferenceEndedError extends AppError {
  constructor() {
    super('CONFERENCE_ENDED', 'Hội nghị đã kết thúc, biên bản điểm danh đã khoá / the conference has ended');
  }
}

export class ConferenceStatusError extends AppError {
  constructor(status: string, wanted: string) {
    super('CONFERENCE_STATUS', `Hội nghị đang ở trạng thái ${status} / the conference is ${status}, not ${wanted}`, {
      status,
    });
  }
}

export class NoHostBridgePointError extends AppError {
  constructor() {
    super('NO_HOST_BRIDGE_POINT', 'Chưa có điểm cầu chính / choose the host bridge point first');
  }
}

export class BridgePointExistsError extends AppError {
  constructor() {
    super('CONFLICT', 'Đơn vị này đã có điểm cầu trong hội nghị / the unit already has a bridge point here', {
      field: 'unitId',
    });
  }
}

export class BridgePointHasHistoryError extends AppError {
  constructor() {
    super('BRIDGE_POINT_HAS_HISTORY', 'Điểm cầu đã có kết nối hoặc điểm danh / it has connections or check-ins');
  }
}
