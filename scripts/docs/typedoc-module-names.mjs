// @ts-check
/**
 * typedoc plugin: names each entry module by its import specifier (`numts`,
 * `numts/linalg`, …) instead of typedoc's path-derived `index`, `linalg`.
 * Top-level modules are named by typedoc from their paths relative to src/
 * (`index`, `linalg`, …); source locations are off (`disableSources`), so
 * the name is all there is to go by.
 */
import { Converter, ReflectionKind } from 'typedoc';

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    for (const mod of context.project.children ?? []) {
      if (!mod.kindOf(ReflectionKind.Module)) continue;
      mod.name = mod.name === 'index' ? 'numts' : `numts/${mod.name}`;
    }
  });
}
