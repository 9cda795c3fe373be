let origin = location.origin;

/** Origin of the API (GraphQL and Socket.IO). Our own pages are served by the API, so by default it is theirs. */
export function apiOrigin(): string {
  return origin;
}

/** Points the API elsewhere, for pages embedded in another site. */
export function setApiOrigin(url: string): void {
  origin = new URL(url).origin;
}
