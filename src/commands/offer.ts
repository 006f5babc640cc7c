/** rel offer [WHO [TEXT...]] [--close ID] [--all] [--json]: what someone can give (see wish.ts). */
import type { App } from '../main.js';
import { registerWish } from './wish.js';

export function register(app: App): void {
  registerWish(app, 'offer');
}
