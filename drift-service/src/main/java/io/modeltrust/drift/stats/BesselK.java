package io.modeltrust.drift.stats;

/**
 * Modified Bessel function of the second kind K_nu(x) for real nu and x > 0, as
 * {@code scipy.special.kv}, by the trapezoidal rule on K_nu(x) = integral over t from 0 to infinity
 * of exp(-x cosh t) cosh(nu t) dt. The integrand is analytic in a strip around the real axis and
 * decays doubly exponentially, so the trapezoidal sum converges geometrically in 1/h and a fixed
 * small step reaches full double precision (every term is positive: no cancellation).
 */
public final class BesselK {

    /** Terms below this share of the running sum no longer change it. */
    private static final double NEGLIGIBLE = 1e-18;
    private static final int MAX_STEPS = 1_000_000;

    private BesselK() {
    }

    /** K_nu(x); x must be positive. */
    public static double kv(double nu, double x) {
        return Math.exp(-x) * scaled(nu, x);
    }

    /**
     * e^x K_nu(x) = integral of exp(-2x sinh^2(t/2)) cosh(nu t) dt, which neither underflows for
     * large x nor loses digits to cosh t - 1 near t = 0.
     */
    public static double scaled(double nu, double x) {
        if (!(x > 0) || Double.isInfinite(x)) {
            throw new IllegalArgumentException("K_nu(x) needs a finite x > 0: " + x);
        }
        // large x: the integrand is a Gaussian of width 1/sqrt(x), so the step follows that width
        double h = Math.min(0.05, 0.25 / Math.sqrt(x));
        double sum = 0.5 * integrand(nu, x, 0.0);
        double previous = sum;
        for (int k = 1; k < MAX_STEPS; k++) {
            double f = integrand(nu, x, k * h);
            sum += f;
            // past the peak (the integrand falls from there on) and too small to matter
            if (f <= previous && f < NEGLIGIBLE * sum) {
                return h * sum;
            }
            previous = f;
        }
        throw new IllegalStateException("K_nu(x) did not converge for nu=" + nu + ", x=" + x);
    }

    private static double integrand(double nu, double x, double t) {
        double s = Math.sinh(0.5 * t);
        return Math.exp(-2.0 * x * s * s) * Math.cosh(nu * t);
    }
}
