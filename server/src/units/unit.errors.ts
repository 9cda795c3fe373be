import { AppError } from '../graphql/app-error.ts';

export class UnitCycleError extends AppError {
  constructor() {
    super('UNIT_CYCLE', 'Không thể chuyển đơn vị vào dưới chính nó / a unit cannot move under its own subtree', {
      field: 'parentId',
    });
  }
}

export class UnitCodeTakenError extends AppError {
  constructor(code: string) {
    super('CONFLICT', `Mã đơn vị "${code}" đã tồn tại / unit code already exists`, { field: 'code' });
  }
}

export class UnitHasHistoryError extends AppError {
  constructor(reason: string) {
    super('UNIT_HAS_HISTORY', `Đơn vị đã có dữ liệu (${reason}): hãy lưu trữ thay vì xoá / archive it instead`, {
      reason,
    });
  }
}
