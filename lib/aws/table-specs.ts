import { type TableName, tables } from '#lib/topology.ts';

/** The topology's table descriptions under one shape, so code can loop over them without per-table cases. */
export interface TableSpec {
  readonly partitionKey: string;
  readonly sortKey?: string;
  readonly ttlAttribute: string;
  readonly indexes?: readonly {
    readonly name: string;
    readonly partitionKey: string;
    readonly sortKey: string;
  }[];
}

export const tableSpecs: Readonly<Record<TableName, TableSpec>> = tables;
