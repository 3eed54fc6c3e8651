// The least a Node program does for `get clusters -A`: Node's own https client on one keep-alive TLS
// connection, the list read in pages of 500, each page parsed and one line printed per item. No
// kubeconfig, no CLI, no table. get.mjs runs it beside kubectl to show how much of kubectl-gs's time and
// memory is Node's floor rather than kubectl-gs's own work.
// Usage: node support-node-floor.cjs <server-url> <ca-file> <token> <collection-path>
'use strict';
const { readFileSync } = require('node:fs');
const https = require('node:https');

const [serverUrl, caFile, token, path] = process.argv.slice(2);
const url = new URL(serverUrl);
const agent = new https.Agent({ keepAlive: true, ca: readFileSync(caFile) });

function getPage(query) {
  return new Promise((resolve, reject) => {
    const req = https.get({ agent, host: url.hostname, port: url.port, path: path + query, headers: { Authorization: `Bearer ${token}` } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => (res.statusCode === 200 ? resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))) : reject(new Error(`HTTP ${res.statusCode}`))));
    });
    req.on('error', reject);
  });
}

(async () => {
  let next = '';
  let header = 'NAMESPACE NAME\n';
  do {
    const list = await getPage(`?limit=500${next ? `&continue=${encodeURIComponent(next)}` : ''}`);
    process.stdout.write(header + list.items.map((i) => `${i.metadata.namespace} ${i.metadata.name}\n`).join(''));
    header = '';
    next = list.metadata.continue ?? '';
  } while (next);
  agent.destroy();
})().catch((err) => {
  process.stderr.write(`error: ${err.message}\n`);
  process.exit(1);
});
