/** Limits shared by the server and the pages, so both refuse the same input. */
export const limits = {
  /** Largest HTTP request body the server accepts, in bytes (the server answers 413 above it). */
  requestBodyBytes: 1024 * 1024,
  /** Largest `first` of any cursor connection. */
  pageSizeMax: 200,
  /** Default `first` of a cursor connection. */
  pageSizeDefault: 50,
} as const;
