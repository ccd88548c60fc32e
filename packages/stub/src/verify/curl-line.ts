function quote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/**
 * A `curl` command that reproduces a request, from headers already redacted (credentials show as
 * `[REDACTED]`: put yours back to run it).
 *
 * @example
 * curlLine('GET', 'http://127.0.0.1:4010/v1/p', { 'x-auth-token': '[REDACTED]' });
 * // curl -i -X GET 'http://127.0.0.1:4010/v1/p' -H 'x-auth-token: [REDACTED]'
 */
export function curlLine(
  method: string,
  url: string,
  headers: Record<string, string>,
  body?: string,
): string {
  const parts = ['curl -i', method === 'HEAD' ? '-I' : `-X ${method}`, quote(url)];
  for (const [name, value] of Object.entries(headers))
    parts.push(`-H ${quote(`${name}: ${value}`)}`);
  if (body !== undefined) parts.push(`--data-raw ${quote(body)}`);
  return parts.join(' ');
}
