// The bare baseline of bench/day.js: a plain socket.io server doing only what ours must at
// least do — clients join their rooms, a command is broadcast to its audience and answered, a
// position is answered, and once a second the latest frame goes to the ops and display rooms.
// No validation, no authorization, no database. Prints its port on stdout.
import http from 'node:http';
import { Server } from 'socket.io';

const server = http.createServer();
const io = new Server(server);
let seq = 0;
let frame = null;
let moved = false;

io.on('connection', (socket) => {
	for (const room of socket.handshake.auth.rooms ?? []) socket.join(room);
	socket.on('command', ({ audience, event }, ack) => {
		seq++;
		io.to(audience).emit('event', { ...event, seq });
		ack({ ok: true, seq });
	});
	socket.on('positions', (batch, ack) => {
		moved = true;
		ack({ ok: true, accepted: batch.fixes.length, refused: [] });
	});
	// the frame our server sent, so the bare one sends the same bytes
	socket.on('frame-template', (f) => (frame = f));
});
setInterval(() => {
	if (frame && moved) {
		// the same packed bytes, stamped now (the frame's time is its f64 at byte 1)
		const bytes = Buffer.from(frame);
		bytes.writeDoubleLE(Date.now(), 1);
		io.to(['ops', 'display']).emit('positions', bytes);
	}
	moved = false;
}, 1000);

server.listen(0, '127.0.0.1', () => console.log(server.address().port));
process.on('SIGTERM', () => process.exit(0));
