declare module 'pg-query-emscripten' {
  interface RawResult {
    readonly parse_tree: string;
    readonly error: { readonly message: string; readonly cursorpos: number };
  }
  export interface PgQueryModule {
    allocate(bytes: Uint8Array, allocator: number): number;
    _free(pointer: number): void;
    raw_parse(pointer: number): RawResult;
  }
  const factory: () => Promise<PgQueryModule>;
  export default factory;
}
