/** rel need [WHO [TEXT...]] [--close ID] [--all] [--json]: what someone is looking for (see wish.ts). */
import type { App } from '../main.js';
import { registerWish } from './wish.js';

export function register(app: App): void {
  registerWish(app, 'need');
}
