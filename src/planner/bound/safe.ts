// A lower bound that does not trust the solver's tolerances: weak duality evaluated on our own data.
//
// For   min cᵀx + offset   s.t.  L ≤ Ax ≤ U,  l ≤ x ≤ u  (all l, u finite)
// and ANY multipliers y, with reduced costs d = c − Aᵀy and r = Ax:
//   cᵀx = dᵀx + yᵀr ≥ Σ_j min(d_j l_j, d_j u_j) + Σ_i min(y_i L_i, y_i U_i).
// A multiplier whose needed row side is infinite is set to 0 first (so no term is −∞). With the
// solver's optimal duals this equals the LP optimum up to rounding; with slightly wrong duals it is
// slightly lower, never higher. Floating-point error of the evaluation itself is bounded by
// γ·Σ|terms| (γ ≈ count of operations × unit roundoff), which is subtracted.
import type { BuiltModel } from './model.ts';

const U = 2 ** -53;

export function safeDualBound(m: BuiltModel, rowDual: ArrayLike<number>): number {
  const y = new Float64Array(m.numRows);
  for (let i = 0; i < m.numRows; i++) {
    const v = rowDual[i] ?? 0;
    if (!Number.isFinite(v)) continue;
    if (v > 0 && Number.isFinite(m.rowLower[i]!)) y[i] = v;
    else if (v < 0 && Number.isFinite(m.rowUpper[i]!)) y[i] = v;
  }
  let sum = m.offset;
  let mag = Math.abs(m.offset);
  let maxLen = 0;
  for (let j = 0; j < m.numCols; j++) {
    const s = m.starts[j]!;
    const e = m.starts[j + 1]!;
    maxLen = Math.max(maxLen, e - s);
    let d = m.colCost[j]!;
    let dmag = Math.abs(d);
    for (let p = s; p < e; p++) {
      const t = m.values[p]! * y[m.indices[p]!]!;
      d -= t;
      dmag += Math.abs(t);
    }
    const lo = m.colLower[j]!;
    const hi = m.colUpper[j]!;
    const term = d >= 0 ? d * lo : d * hi;
    if (!Number.isFinite(term)) return Number.NEGATIVE_INFINITY;
    sum += term;
    mag += dmag * Math.max(Math.abs(lo), Math.abs(hi));
  }
  for (let i = 0; i < m.numRows; i++) {
    const v = y[i]!;
    if (v === 0) continue;
    const term = v > 0 ? v * m.rowLower[i]! : v * m.rowUpper[i]!;
    sum += term;
    mag += Math.abs(term);
  }
  const gamma = (maxLen + m.numCols + m.numRows + 16) * U * 2;
  return sum - gamma * mag;
}
