import { type TableName, type TableSpec, tables } from '#lib/topology.ts';

export type { TableSpec };

/** The topology's table descriptions under one shape, so code can loop over them without per-table cases. */
export const tableSpecs: Readonly<Record<TableName, TableSpec>> = tables;
