export interface Desa {
  code: string;
  name: string;
}

export interface Kecamatan {
  code: string;
  name: string;
  desa: readonly Desa[];
}
