/**
 * Notices about a link that asked for something the app could not give (unknown park, enterprise, year…).
 * Shown at the top of the page until dismissed.
 */
import type { LinkNotice } from './deep-link';

class LinkNotices {
  list = $state.raw<LinkNotice[]>([]);

  set(notices: LinkNotice[]): void {
    this.list = notices;
  }

  add(notice: LinkNotice): void {
    if (!this.list.some((n) => n.key === notice.key && n.params.id === notice.params.id))
      this.list = [...this.list, notice];
  }

  clear(): void {
    this.list = [];
  }
}

export const linkNotices = new LinkNotices();
