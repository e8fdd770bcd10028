/** UI text of the pathways area (Simplified Chinese first; English must have the same keys). */
export const zh = {} as const;

export const en: Record<keyof typeof zh, string> = {};
