import { limits } from '@diemcau/schema';
import { Field, Int, ObjectType } from 'type-graphql';
import { BadUserInputError } from './app-error.ts';

@ObjectType({ description: 'Relay page information.' })
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

/** Bounds `first`: default 50, at most 200. */
export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return limits.pageSizeDefault;
  if (!Number.isInteger(first) || first < 1 || first > limits.pageSizeMax) {
    throw new BadUserInputError(`first must be between 1 and ${limits.pageSizeMax}`, 'first');
  }
  return first;
}

/** Opaque cursors: base64url of a JSON array of the sort key. */
export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined, shape: ('string' | 'number')[]): unknown[] | null {
  if (!cursor) return null;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(key) && key.length === shape.length && key.every((v, i) => typeof v === shape[i])) return key;
  } catch {
    // fall through
  }
  throw new BadUserInputError('after is not a cursor of this list', 'after');
}

/** Turns `first + 1` fetched rows into edges and page info. */
export function connectionFrom<T>(rows: T[], first: number, keyOf: (row: T) => unknown[]) {
  const page = rows.slice(0, first);
  const edges = page.map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
}

type ClassType<T> = new (...args: never[]) => T;

/**
 * The Relay connection of a node type: `<Name>Edge { cursor node }` and
 * `<Name>Connection { edges pageInfo totalCount }`, declared once for every list.
 */
export function connectionType<T>(
  name: string,
  Node: ClassType<T>,
  descriptions: { connection?: string; totalCount?: string } = {},
) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => String)
    cursor!: string;

    @Field(() => Node)
    node!: T;
  }

  @ObjectType(`${name}Connection`, descriptions.connection ? { description: descriptions.connection } : {})
  class Connection {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, descriptions.totalCount ? { description: descriptions.totalCount } : {})
    totalCount!: number;
  }
  return Connection;
}
