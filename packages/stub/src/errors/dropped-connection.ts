/**
 * A connection dropped by fault injection. It is a TypeError, as `fetch` rejects with on a network
 * error, so that clients treat it as one; the Node server destroys the socket instead.
 *
 * @example
 * await expect(stub.fetch(url)).rejects.toBeInstanceOf(TypeError);
 */
export class StubDroppedConnection extends TypeError {
  override readonly name = 'StubDroppedConnection';
  constructor() {
    super('fetch failed: connection dropped by the stub (fault injection)');
  }
}
