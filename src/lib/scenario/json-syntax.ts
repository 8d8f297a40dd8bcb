/**
 * Where a JSON text stops being JSON: the offset of the first character that cannot continue it
 * (the text's length when it ends too soon). JSON.parse says where in some of its messages and
 * not others ("Unexpected token '{', …"), and a person fixing a plan file needs the line.
 */
export function jsonFaultAt(text: string): number | null {
	let i = 0;
	const space = () => {
		while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
	};
	const literal = (word: string) => {
		for (const c of word) if (text[i++] !== c) throw i - 1;
	};
	const string = () => {
		i++; // the opening quote
		while (i < text.length && text[i] !== '"') {
			const c = text.charCodeAt(i);
			if (c < 0x20) throw i;
			if (text[i] === '\\') {
				i++;
				if (text[i] === 'u') {
					for (let k = 1; k <= 4; k++) if (!/[0-9a-fA-F]/.test(text[i + k] ?? '')) throw i + k;
					i += 4;
				} else if (!'"\\/bfnrt'.includes(text[i] ?? '')) throw i;
			}
			i++;
		}
		if (i >= text.length) throw i;
		i++;
	};
	const number = () => {
		const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
		if (!match) throw i;
		i += match[0].length;
	};
	const value = (): void => {
		space();
		const c = text[i];
		if (c === '{') {
			i++;
			space();
			if (text[i] === '}') return void i++;
			for (;;) {
				space();
				if (text[i] !== '"') throw i;
				string();
				space();
				if (text[i] !== ':') throw i;
				i++;
				value();
				space();
				if (text[i] === ',') i++;
				else if (text[i] === '}') return void i++;
				else throw i;
			}
		}
		if (c === '[') {
			i++;
			space();
			if (text[i] === ']') return void i++;
			for (;;) {
				value();
				space();
				if (text[i] === ',') i++;
				else if (text[i] === ']') return void i++;
				else throw i;
			}
		}
		if (c === '"') return string();
		if (c === 't') return literal('true');
		if (c === 'f') return literal('false');
		if (c === 'n') return literal('null');
		return number();
	};
	try {
		value();
		space();
		return i < text.length ? i : null;
	} catch (at) {
		return Math.min(at as number, text.length);
	}
}
