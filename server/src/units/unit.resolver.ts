import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireViewer } from '../accounts/access.ts';
import type { Context } from '../graphql/context.ts';
import { CreateUnitInput, CreateUnitKindInput, UnitsFilter, UpdateUnitInput } from './unit.inputs.ts';
import type { UnitRow } from './unit.repository.ts';
import * as units from './unit.service.ts';
import { Unit, UnitConnection, UnitFileFormat, UnitImportResult, UnitKind } from './unit.types.ts';

@Resolver(() => Unit)
export class UnitResolver {
  @Query(() => Unit, { description: 'A unit by id or by code, within your scope.' })
  unit(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { nullable: true }) id?: string | null,
    @Arg('code', () => String, { nullable: true }) code?: string | null,
  ): Promise<UnitRow> {
    if (code) return units.getUnitByCode(ctx, code);
    return units.getUnit(ctx, id);
  }

  @Query(() => UnitConnection, { description: 'Units within your scope, filtered, in Vietnamese alphabetical order.' })
  units(
    @Ctx() ctx: Context,
    @Arg('filter', () => UnitsFilter, { nullable: true }) filter?: UnitsFilter | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    return units.listUnits(ctx, filter, first, after);
  }

  @Query(() => [Unit], {
    description: 'Accent-insensitive search by name or exact code ("tho xuan" finds "Thọ Xuân").',
  })
  searchUnits(
    @Ctx() ctx: Context,
    @Arg('query', () => String) text: string,
    @Arg('underId', () => ID, { nullable: true }) underId?: string | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('includeArchived', () => Boolean, { nullable: true }) includeArchived?: boolean | null,
  ): Promise<UnitRow[]> {
    return units.searchUnits(ctx, text, underId, first, includeArchived ?? false);
  }

  @Query(() => [UnitKind])
  unitKinds(@Ctx() ctx: Context) {
    return units.listUnitKinds(ctx);
  }

  @Query(() => String, {
    description: 'The subtree (default: your scope) as a file: CSV with a BOM for Excel, or JSON; parents first.',
  })
  exportUnits(
    @Ctx() ctx: Context,
    @Arg('format', () => UnitFileFormat) format: UnitFileFormat,
    @Arg('underId', () => ID, { nullable: true }) underId?: string | null,
    @Arg('includeArchived', () => Boolean, { nullable: true }) includeArchived?: boolean | null,
  ): Promise<string> {
    return units.exportUnits(ctx, format, underId, includeArchived ?? false);
  }

  @FieldResolver(() => Unit, { nullable: true, description: 'Null at the root, and above your scope.' })
  async parent(@Root() unit: UnitRow, @Ctx() ctx: Context): Promise<UnitRow | null> {
    const viewer = requireViewer(ctx);
    if (unit.parentId === null) return null;
    const parent = await ctx.loaders.unit.load(unit.parentId);
    return parent && units.isVisible(viewer, parent.path) ? parent : null;
  }

  @FieldResolver(() => [Unit], { description: 'From the top of your scope down to the parent: a breadcrumb.' })
  ancestors(@Root() unit: UnitRow, @Ctx() ctx: Context): Promise<UnitRow[]> {
    return units.ancestorsOf(ctx, unit);
  }

  @FieldResolver(() => UnitKind, { nullable: true })
  kind(@Root() unit: UnitRow, @Ctx() ctx: Context) {
    return ctx.loaders.unitKind.load(unit.kindCode);
  }

  @FieldResolver(() => Int, { description: 'Units directly below (not archived).' })
  childCount(@Root() unit: UnitRow, @Ctx() ctx: Context): Promise<number> {
    return ctx.loaders.childCount.load(unit.id);
  }

  @FieldResolver(() => Int, { description: 'Units anywhere below (not archived).' })
  descendantCount(@Root() unit: UnitRow, @Ctx() ctx: Context): Promise<number> {
    return ctx.loaders.descendantCount.load(unit.id);
  }

  @FieldResolver(() => [String], { description: 'Codes from the root to this unit.' })
  async pathCodes(@Root() unit: UnitRow, @Ctx() ctx: Context): Promise<string[]> {
    const ancestors = await units.ancestorsOf(ctx, unit);
    return [...ancestors.map((a) => a.code), unit.code];
  }

  @Mutation(() => Unit, { description: 'ADMIN.' })
  createUnit(@Ctx() ctx: Context, @Arg('input', () => CreateUnitInput) input: CreateUnitInput): Promise<UnitRow> {
    return units.createUnit(ctx, input);
  }

  @Mutation(() => Unit, { description: 'ADMIN. Rename, change kind, or move (with the subtree).' })
  updateUnit(@Ctx() ctx: Context, @Arg('input', () => UpdateUnitInput) input: UpdateUnitInput): Promise<UnitRow> {
    return units.updateUnit(ctx, input);
  }

  @Mutation(() => Unit, { description: 'ADMIN. Archives the unit and its subtree; history is kept.' })
  archiveUnit(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<UnitRow> {
    return units.setArchived(ctx, id, true);
  }

  @Mutation(() => Unit, { description: 'ADMIN. Brings an archived unit and its subtree back.' })
  restoreUnit(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<UnitRow> {
    return units.setArchived(ctx, id, false);
  }

  @Mutation(() => Boolean, { description: 'ADMIN. Only for units nothing refers to (else UNIT_HAS_HISTORY: archive).' })
  deleteUnit(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<boolean> {
    return units.deleteUnit(ctx, id);
  }

  @Mutation(() => UnitImportResult, {
    description: 'ADMIN. Imports a tree file, idempotent by code; every bad row is reported and then nothing changes.',
  })
  importUnits(
    @Ctx() ctx: Context,
    @Arg('format', () => UnitFileFormat) format: UnitFileFormat,
    @Arg('content', () => String) content: string,
    @Arg('dryRun', () => Boolean, { nullable: true }) dryRun?: boolean | null,
  ): Promise<UnitImportResult> {
    return units.importUnits(ctx, format, content, dryRun ?? false);
  }

  @Mutation(() => UnitKind, { description: 'ADMIN. Adds a unit kind.' })
  createUnitKind(@Ctx() ctx: Context, @Arg('input', () => CreateUnitKindInput) input: CreateUnitKindInput) {
    return units.createUnitKind(ctx, input);
  }
}
