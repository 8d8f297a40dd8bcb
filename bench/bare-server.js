// The bare baseline of bench/day.js: a plain socket.io server doing only what ours must at
// least do — clients join their rooms, a command is broadcast to its audience and answered, a
// position is answered, and once a second each level's latest frame goes to its ops and display
// rooms (on a plan of levels, a ward's frame to its ward's rooms).
// No validation, no authorization, no database. Prints its port on stdout.
import http from 'node:http';
import { Server } from 'socket.io';

const server = http.createServer();
const io = new Server(server);
let seq = 0;
/** { rooms, bytes }: the frames our server sent, each to the rooms it went to */
let templates = [];
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
	// the frames our server sent, so the bare one sends the same bytes: one a message (socket.io's
	// parser takes at most 10 binary attachments in one)
	socket.on('frame-template', (t) => templates.push(t));
});
setInterval(() => {
	if (moved)
		for (const { rooms, bytes: frame } of templates) {
			// the same packed bytes, stamped now (the frame's time is its f64 at byte 1)
			const bytes = Buffer.from(frame);
			bytes.writeDoubleLE(Date.now(), 1);
			io.to(rooms).emit('positions', bytes);
		}
	moved = false;
}, 1000);

server.listen(0, '127.0.0.1', () => console.log(server.address().port));
process.on('SIGTERM', () => process.exit(0));
