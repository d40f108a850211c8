// Minimal types for the parts of autocannon the benches use (the package ships none).
declare module 'autocannon' {
  type Histogram = { average: number; mean: number; p50: number; p97_5: number; p99: number; max: number; total: number }
  type Options = { url: string; connections?: number; duration?: number; overallRate?: number; requests?: { method?: string; setupRequest?: (req: { path?: string }) => { path?: string } }[] }
  type Result = { requests: Histogram; latency: Histogram; non2xx: number; errors: number; timeouts: number }
  export default function autocannon(opts: Options): Promise<Result>
}
