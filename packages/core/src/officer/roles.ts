export const ROLES = ["spkt", "bhabinkamtibmas", "kapolsek", "pimpinan", "admin"] as const;
export type Role = (typeof ROLES)[number];
