// npm run demo: build the app, create (or reuse) the demo database with the default scenario
// and its demo accounts, then start the server with the day simulator, and say where to go.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const scenarioFile = process.env.KHAIMAC_SCENARIO ?? path.join(root, 'data/scenarios/quan7-2024.json');
// the demo's own database, in the data folder the server uses (KHAIMAC_DATA_DIR) unless given
const dataDir = process.env.KHAIMAC_DATA_DIR || path.join(root, 'data/var');
const env = {
	...process.env,
	KHAIMAC_DB: process.env.KHAIMAC_DB || path.join(dataDir, 'demo.sqlite'),
	KHAIMAC_DEMO_SPEED: process.env.KHAIMAC_DEMO_SPEED ?? '20',
	PORT: process.env.PORT ?? '3000',
	HOST: process.env.HOST ?? '0.0.0.0'
};

function run(command, args) {
	const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' });
	if (result.status !== 0) {
		console.error(`\n✗ "${command} ${args.join(' ')}" thất bại (mã ${result.status}).`);
		process.exit(result.status ?? 1);
	}
}

if (!process.argv.includes('--no-build')) {
	console.log('▶ Đang build ứng dụng…');
	run('npm', ['run', 'build', '--silent']);
}
console.log(`▶ Cơ sở dữ liệu demo: ${env.KHAIMAC_DB}`);
run('node', ['build/cli.js', 'import', scenarioFile, '--accounts', '--demo', '--if-empty']);
// the scenario's demo list of named ceremony invitees, when it has one (labelled demo in it)
const inviteesFile = scenarioFile.replace(/\.json$/, '-invitees-demo.csv');
if (fs.existsSync(inviteesFile))
	run('node', ['build/cli.js', 'invitees', inviteesFile, '--demo', '--if-empty']);

const scenario = JSON.parse(fs.readFileSync(scenarioFile, 'utf8'));
const server = spawn('node', ['server.js'], { cwd: root, env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));

const url = `http://${env.HOST === '0.0.0.0' ? 'localhost' : env.HOST}:${env.PORT}`;
for (let i = 0; i < 60; i++) {
	try {
		if ((await fetch(`${url}/healthz`)).ok) break;
	} catch {
		// not listening yet
	}
	await new Promise((resolve) => setTimeout(resolve, 500));
}

const roleNames = {
	admin: 'Quản trị',
	coordinator: 'Điều phối',
	leader: 'Lãnh đạo',
	ward_staff: 'Cán bộ đơn vị (bảng việc)',
	truck_crew: 'Tổ xe loa',
	gate_staff: 'Cổng lễ khai mạc',
	unit_staff: 'Cán bộ đơn vị (báo cáo)'
};
console.log(`\n══ Khai Mạc (DEMO, mô phỏng ×${env.KHAIMAC_DEMO_SPEED}) ══  ${url}\n`);
console.log('Tài khoản demo (dữ liệu mẫu, gắn nhãn DEMO):');
for (const [role, name] of Object.entries(roleNames)) {
	const accounts = scenario.accounts.filter((a) => a.role === role);
	if (accounts.length === 0) continue;
	const shown = accounts.slice(0, 3).map((a) => a.username);
	const more = accounts.length > 3 ? ` … (+${accounts.length - 3})` : '';
	console.log(`  ${name.padEnd(26)} ${shown.join(', ')}${more}   mật khẩu: ${accounts[0].password}`);
}
const coordinator = scenario.accounts.find((a) => a.role === 'coordinator')?.username ?? 'admin';
console.log(
	`\nMàn hình lớn: đăng nhập "${coordinator}" → Điều hành → Liên kết màn hình lớn → Tạo liên kết.\n`
);
