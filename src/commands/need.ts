/** rel need [WHO [TEXT...]] [--close ID] [--all] [--json]: what someone is looking for (see wish.ts). */
import type { App } from '../app.js';
import { registerWish } from './shared/wish.js';

export function register(app: App): void {
  registerWish(app, 'need');
}
