import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import {
  childCounts,
  descendantCounts,
  type UnitKindRow,
  type UnitRow,
  unitKinds,
  unitsByIds,
} from '../units/unit.repository.ts';

/** Per-request batch loaders: a list of 50 units asks for their parents in one query, not 50. */
export function createLoaders(em: EntityManager) {
  return {
    unit: new DataLoader<number, UnitRow | null>(async (ids) => {
      const found = await unitsByIds(em, ids);
      return ids.map((id) => found.get(id) ?? null);
    }),
    descendantCount: new DataLoader<number, number>(async (ids) => {
      const counts = await descendantCounts(em, ids);
      return ids.map((id) => counts.get(id) ?? 0);
    }),
    childCount: new DataLoader<number, number>(async (ids) => {
      const counts = await childCounts(em, ids);
      return ids.map((id) => counts.get(id) ?? 0);
    }),
    unitKind: new DataLoader<string, UnitKindRow | null>(async (codes) => {
      const kinds = new Map((await unitKinds(em)).map((k) => [k.code, k]));
      return codes.map((code) => kinds.get(code) ?? null);
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
