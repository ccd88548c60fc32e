import { signRequestSync } from '@modelarts-lite/signer';

const C = {
  accessKeyId: 'QTWAOYTTINDUT2QVKYUC',
  secretAccessKey: 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc',
};
const url =
  'https://modelarts.cn-north-4.myhuaweicloud.com/v1/0123456789abcdef0123456789abcdef/dev-servers/6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f/operation/3f9a1c2e-7b4d-4e8f-9a6b-1c2d3e4f5a6b?limit=10';
const mk = () =>
  new Request(url, { headers: { 'Content-Type': 'application/json', 'X-Project-Id': 'p' } });
let tot = 0,
  cpuT = 0;
const date = new Date();
for (let k = 0; k < 200; k++) {
  const reqs = Array.from({ length: 500 }, mk);
  const c = process.cpuUsage();
  const t = performance.now();
  for (const r of reqs) signRequestSync(r, C, { date });
  tot += performance.now() - t;
  const u = process.cpuUsage(c);
  cpuT += u.user + u.system;
  await new Promise((r) => setImmediate(r));
}
console.log(
  'sync-get',
  ((tot * 1000) / 100000).toFixed(2),
  'µs wall',
  (cpuT / 100000).toFixed(2),
  'cpu',
);
