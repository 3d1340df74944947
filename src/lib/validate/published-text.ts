/**
 * The text a Markdown file publishes, block by block, as a reader sees it: Markdown syntax gone
 * (`151**1549**1234` and `[151](…)15491234` read as one number), entities decoded (`&#49;`),
 * HTML comments and tags dropped. The privacy check scans this beside the source text, since
 * what must not be published is what the page shows, not only what the file spells.
 */
import type { Nodes, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

export interface PublishedBlock {
  readonly text: string;
  readonly line: number;
  readonly column: number;
}

const parser = unified().use(remarkParse).use(remarkGfm);

/** The visible text of a node: text, code and image descriptions; raw HTML is not shown. */
function visible(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') return node.value;
  if (node.type === 'image' || node.type === 'imageReference') return node.alt ?? '';
  if (node.type === 'html') return '';
  return 'children' in node ? (node.children as Nodes[]).map(visible).join('') : '';
}

/** Paragraphs, headings, table cells and code blocks, each with its visible text and where it starts. */
export function publishedBlocks(markdown: string): PublishedBlock[] {
  const tree = parser.parse(markdown) as Root;
  const blocks: PublishedBlock[] = [];
  visit(tree, (node) => {
    if (node.type !== 'paragraph' && node.type !== 'heading' && node.type !== 'tableCell' && node.type !== 'code') return;
    // A line break inside a paragraph is shown as a space, so a number broken over two lines reads as one.
    const text = node.type === 'code' ? visible(node) : visible(node).replace(/\n/g, ' ');
    blocks.push({ text, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 });
    return 'skip';
  });
  return blocks;
}
