#!/usr/bin/env node
/**
 * Finds words written straight into the code instead of the catalogue (src/lib/i18n):
 * - in markup, any text with a letter, and any letter in an attribute people read
 *   (aria-label, title, placeholder, alt, label);
 * - anywhere in a .svelte or .ts file, a string with a Vietnamese letter.
 * Comments and what is written to the server's console (the operator's log) are not read. `node scripts/untranslated.js <file or folder>…` prints what it finds
 * and exits 1 when it finds anything; tests/unit/i18n.test.ts runs it over src.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'svelte/compiler';
import ts from 'typescript';

const vietnamese = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/iu;
const letter = /\p{L}/u;
const readAttributes = new Set(['aria-label', 'title', 'placeholder', 'alt', 'label', 'aria-description']);

/** @typedef {{ file: string, line: number, text: string }} Finding */

/** @param {string} source @param {number} offset */
function lineAt(source, offset) {
	let line = 1;
	for (let i = 0; i < offset && i < source.length; i++) if (source.charCodeAt(i) === 10) line++;
	return line;
}

/** @param {string} callee */
const isConsole = (callee) => /^console\.\w+$/.test(callee);

/** @param {string} file @param {string} source @returns {Finding[]} */
function scanScript(file, source) {
	/** @type {Finding[]} */
	const found = [];
	const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
	/** @param {ts.Node} node */
	const visit = (node) => {
		if (ts.isCallExpression(node) && isConsole(node.expression.getText(tree))) return;
		if (
			ts.isStringLiteral(node) ||
			ts.isNoSubstitutionTemplateLiteral(node) ||
			ts.isTemplateHead(node) ||
			ts.isTemplateMiddle(node) ||
			ts.isTemplateTail(node)
		) {
			if (vietnamese.test(node.text))
				found.push({ file, line: lineAt(source, node.getStart(tree)), text: node.text });
		}
		ts.forEachChild(node, visit);
	};
	visit(tree);
	return found;
}

/** @param {string} file @param {string} source @returns {Finding[]} */
function scanSvelte(file, source) {
	/** @type {Finding[]} */
	const found = [];
	const ast = parse(source, { modern: true });
	/** @param {number} start @param {string} text */
	const add = (start, text) => found.push({ file, line: lineAt(source, start), text: text.trim() });
	/** @param {unknown} node @param {string | null} attribute the attribute this node is the value of */
	const visit = (node, attribute) => {
		if (!node || typeof node !== 'object') return;
		if (Array.isArray(node)) return node.forEach((n) => visit(n, attribute));
		const n = /** @type {Record<string, any>} */ (node);
		if (n.type === 'StyleSheet' || n.type === 'Comment') return;
		if (n.type === 'CallExpression' && n.callee?.object?.name === 'console') return;
		if (n.type === 'Text') {
			const text = String(n.data);
			const read = attribute === null || readAttributes.has(attribute);
			if (read ? letter.test(text) : vietnamese.test(text)) add(n.start, text);
			return;
		}
		if (n.type === 'Literal' && typeof n.value === 'string' && vietnamese.test(n.value))
			add(n.start, n.value);
		if (n.type === 'TemplateElement' && vietnamese.test(n.value?.cooked ?? '')) add(n.start, n.value.cooked);
		const inAttribute = n.type === 'Attribute' ? String(n.name) : attribute;
		for (const [key, value] of Object.entries(n)) {
			if (key === 'leadingComments' || key === 'trailingComments' || key === 'parent') continue;
			// text inside an expression is code (a string's quotes), not markup
			const within = n.type === 'ExpressionTag' || n.type === 'Script' ? '' : inAttribute;
			visit(value, within);
		}
	};
	visit(ast.fragment, null);
	if (ast.instance) visit(ast.instance, '');
	if (ast.module) visit(ast.module, '');
	return found;
}

/** @param {string} file @returns {Finding[]} */
export function untranslatedIn(file) {
	const source = readFileSync(file, 'utf8');
	if (file.endsWith('.svelte')) return scanSvelte(file, source);
	if (file.endsWith('.ts') || file.endsWith('.js')) return scanScript(file, source);
	return [];
}

/** @param {string} path @returns {string[]} */
export function sourceFiles(path) {
	if (!statSync(path).isDirectory()) return [path];
	return readdirSync(path)
		.sort()
		.flatMap((name) => sourceFiles(join(path, name)))
		.filter((f) => /\.(svelte|ts|js)$/.test(f));
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const found = process.argv.slice(2).flatMap(sourceFiles).flatMap(untranslatedIn);
	for (const f of found)
		console.log(`${relative(process.cwd(), f.file)}:${f.line}  ${JSON.stringify(f.text)}`);
	console.log(`${found.length} untranslated`);
	process.exit(found.length ? 1 : 0);
}
