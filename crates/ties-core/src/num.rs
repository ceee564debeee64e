//! Fixed-point number formatting without the standard float formatter.
//!
//! Why: `format!("{:.1}", x)` and `x.to_string()` on floats pull core's Grisu/Dragon
//! float printing and its tables into the wasm (about 15 KB before gzip). SVG coordinates,
//! zoom factors and scores only ever need a few fixed decimals, which integer
//! arithmetic prints exactly the same way.

use std::fmt;

/// `Fixed(x, places)` displays `x` rounded half away from zero to `places` decimals
/// (at most 6), like `{:.places$}`. Non-finite values print as `0`, because a `NaN`
/// in an SVG attribute would break the drawing.
#[derive(Debug, Clone, Copy)]
pub struct Fixed(pub f64, pub u8);

/// One decimal: SVG coordinates.
pub fn f1(x: f32) -> Fixed {
    Fixed(x as f64, 1)
}

impl fmt::Display for Fixed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let places = self.1.min(6) as u32;
        let x = if self.0.is_finite() { self.0 } else { 0.0 };
        let scale = 10u64.pow(places);
        // Beyond 2^53 an f64 has no fractional digits left to show anyway.
        let n = (x.abs() * scale as f64 + 0.5).floor().min(9.0e15) as u64;
        if x < 0.0 && n != 0 {
            f.write_str("-")?;
        }
        write!(f, "{}", n / scale)?;
        if places > 0 {
            write!(f, ".{:0width$}", n % scale, width = places as usize)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_standard_formatter() {
        for &x in &[0.0, 1.25, -1.25, 12.3456, -0.04, 0.96, 99.95, 123456.789, -7.0, 0.5, 2.675] {
            for p in 0..5u8 {
                let ours = Fixed(x, p).to_string();
                let std = format!("{:.*}", p as usize, x);
                // Rounding ties may differ at the last digit (std rounds the exact binary
                // value half to even), so compare as numbers within one unit.
                let (a, b): (f64, f64) = (ours.parse().unwrap(), std.parse().unwrap());
                assert!((a - b).abs() <= 10f64.powi(-(p as i32)) + 1e-12, "{x} at {p}: {ours} vs {std}");
            }
        }
        assert_eq!(Fixed(12.3456, 2).to_string(), "12.35");
        assert_eq!(Fixed(-0.04, 1).to_string(), "0.0");
        assert_eq!(Fixed(-1.25, 1).to_string(), "-1.3");
        assert_eq!(Fixed(3.0, 0).to_string(), "3");
        assert_eq!(Fixed(f64::NAN, 1).to_string(), "0.0");
        assert_eq!(f1(7.04).to_string(), "7.0");
    }
}
