// Where a server's CPU went, from the profile node's --cpu-prof wrote (BENCH_NODE_ARGS="--cpu-prof
// --cpu-prof-dir=DIR" on a bench): `node bench/cpu-profile.js FILE [name…]` prints the time in
// each named function with what it called (inclusive) and in its own code (self), ms; without
// names, the 25 functions of most self time. Recursion is counted once per stack.
import fs from 'node:fs';

const [file, ...names] = process.argv.slice(2);
const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, { ...n, self: 0 }]));
profile.samples.forEach((id, i) => (byId.get(id).self += (profile.timeDeltas[i] ?? 0) / 1000));
const parentOf = new Map();
for (const n of byId.values()) for (const c of n.children ?? []) parentOf.set(c, n.id);
const label = (n) =>
	`${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber + 1}`;
const self = new Map();
const inclusive = new Map();
for (const n of byId.values()) {
	if (!n.self) continue;
	self.set(label(n), (self.get(label(n)) ?? 0) + n.self);
	const seen = new Set();
	for (let at = n; at; at = byId.get(parentOf.get(at.id))) {
		const l = label(at);
		if (seen.has(l)) continue;
		seen.add(l);
		inclusive.set(l, (inclusive.get(l) ?? 0) + n.self);
	}
}
const seconds = (profile.endTime - profile.startTime) / 1e6;
console.log(`${file}: ${seconds.toFixed(0)} s profiled`);
const rows = names.length
	? [...inclusive.keys()].filter((l) => names.some((name) => l.startsWith(`${name} `)))
	: [...self.keys()].sort((a, b) => self.get(b) - self.get(a)).slice(0, 25);
for (const l of rows)
	console.log(
		`${(inclusive.get(l) ?? 0).toFixed(0).padStart(8)} ms inclusive ${(self.get(l) ?? 0).toFixed(0).padStart(8)} ms self  ${l}`
	);
