/**
 * The template packs gongkai knows, by id. A disclosure names its pack (`template:` in
 * disclosure.yaml, Hunan's 23 tables when absent); an unknown id is a located error at load time,
 * so everything after loading can rely on `packOf`.
 */
import type { Disclosure } from '../disclosure/model.ts';
import { HUNAN_BUDGET } from './hunan-budget/pack.ts';
import { SHANGHAI_BUDGET } from './shanghai-budget/pack.ts';
import { SHANGHAI_FINAL } from './shanghai-final/pack.ts';
import type { TemplatePack } from './template-pack.ts';

/**
 * Every pack, listed on call: the packs' 说明 sections read figures through this registry, so the
 * modules import each other and a list built at load time could see a pack not yet evaluated.
 */
export const templatePacks = (): readonly TemplatePack[] => [HUNAN_BUDGET, SHANGHAI_BUDGET, SHANGHAI_FINAL];

export const templatePack = (id: string): TemplatePack | undefined => templatePacks().find((p) => p.id === id);

/** The pack of a loaded disclosure (its id was checked when it was loaded). */
export function packOf(d: Pick<Disclosure, 'template'>): TemplatePack {
  const pack = templatePack(d.template);
  if (!pack) throw new Error(`unknown template ${d.template}`);
  return pack;
}
