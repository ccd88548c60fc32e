/** Options of {@link generateRouteTable}. */
export interface GenerateRouteTableOptions {
  /** An OpenAPI 3.1 document (parsed JSON). */
  spec: unknown;
  /** Folder to write validators.gen.ts, routes.gen.ts and openapi.gen.ts to. */
  outDir: string;
  /** Module the generated code imports `RouteTable` from; default this package's src/route-table.js. */
  routeTableTypes?: string;
}

/** Generates the stub's route table from an OpenAPI 3.1 document. */
export function generateRouteTable(
  options: GenerateRouteTableOptions,
): Promise<{ files: string[]; operations: string[] }>;
