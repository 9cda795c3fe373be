import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionType } from '../graphql/connection.ts';

@ObjectType({ description: 'A kind of unit (province committee, grassroots cell …); admins can add kinds.' })
export class UnitKind {
  @Field(() => ID)
  code!: string;

  @Field(() => String, { description: 'Vietnamese name.' })
  nameVi!: string;

  @Field(() => String, { description: 'English name.' })
  nameEn!: string;

  @Field(() => Int)
  sortOrder!: number;
}

@ObjectType({ description: 'A unit of the organisational tree: a committee, cell or agency.' })
export class Unit {
  @Field(() => ID)
  id!: number;

  @Field(() => String, { description: 'Stable code, used by imports and exports.' })
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'Code of the unit kind.' })
  kindCode!: string;

  @Field(() => Int, { description: 'Depth in the tree: the root is 1, its children 2 …' })
  level!: number;

  @Field(() => Date, { nullable: true, description: 'Archived units keep their history but leave lists.' })
  archivedAt!: Date | null;

  // Resolved by UnitResolver: parent, kind, ancestors, childCount, descendantCount.
  parentId!: number | null;
  path!: string;
}

export const UnitConnection = connectionType('Unit', Unit, {
  connection: 'A page of units in Vietnamese alphabetical order.',
  totalCount: 'Units matching the filter (within your scope).',
});

export enum UnitFileFormat {
  CSV = 'CSV',
  JSON = 'JSON',
}
registerEnumType(UnitFileFormat, {
  name: 'UnitFileFormat',
  description: 'CSV (UTF-8, header `code,name,kind,parentCode`) or JSON (an array of such objects).',
});

@ObjectType({ description: 'One bad row of an import file.' })
export class UnitImportProblem {
  @Field(() => Int, { description: 'Line in the file (CSV: the header is line 1; JSON: the array index + 1).' })
  line!: number;

  @Field(() => Int, {
    nullable: true,
    description: 'JSON files: the index of the item in the array (from 0). CSV: null.',
  })
  row!: number | null;

  @Field(() => String, { nullable: true, description: 'The code of the row, when it has one.' })
  code!: string | null;

  @Field(() => String, { description: 'Column at fault: code, name, kind or parentCode.' })
  field!: string;

  @Field(() => String, {
    description:
      'REQUIRED, INVALID_CODE, TOO_LONG, DUPLICATE_CODE, UNKNOWN_KIND, UNKNOWN_PARENT, CYCLE, SELF_PARENT, BAD_FILE, TOO_MANY_ROWS.',
  })
  problem!: string;

  @Field(() => String)
  message!: string;
}

@ObjectType({ description: 'What an import did — or, when it has problems, would have done: then nothing changes.' })
export class UnitImportResult {
  @Field(() => Boolean, { description: 'True when the changes were written (no problems, not a dry run).' })
  applied!: boolean;

  @Field(() => Int)
  rows!: number;

  @Field(() => Int)
  created!: number;

  @Field(() => Int, { description: 'Renamed or kind changed.' })
  updated!: number;

  @Field(() => Int, { description: 'Given another parent (their subtrees move with them).' })
  moved!: number;

  @Field(() => Int)
  unchanged!: number;

  @Field(() => [UnitImportProblem])
  problems!: UnitImportProblem[];
}
