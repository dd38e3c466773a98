//! Reed–Solomon error correction over GF(256) with the QR code's field polynomial
//! x⁸ + x⁴ + x³ + x² + 1 (0x11D) and generator roots α⁰ … α^(n−1), α = 2.

/// The product of `x` and `y` in GF(256) (carry-less multiplication reduced by 0x11D).
pub fn gf_mul(x: u8, y: u8) -> u8 {
    let mut z: u8 = 0;
    for i in (0..8).rev() {
        z = (z << 1) ^ ((z >> 7) * 0x1D);
        z ^= ((y >> i) & 1) * x;
    }
    z
}

/// The generator polynomial (x − α⁰)(x − α¹)…(x − α^(degree−1)), its coefficients from the
/// highest power down, the leading 1 left out. `degree` is 1–255.
pub fn generator(degree: usize) -> Vec<u8> {
    let mut poly = vec![0u8; degree];
    if let Some(last) = poly.last_mut() {
        *last = 1;
    }
    let mut root = 1u8;
    for _ in 0..degree {
        for j in 0..degree {
            poly[j] = gf_mul(poly[j], root);
            if j + 1 < degree {
                poly[j] ^= poly[j + 1];
            }
        }
        root = gf_mul(root, 2);
    }
    poly
}

/// The error-correction codewords of `data`: the remainder of data(x)·x^n divided by the
/// generator of degree n = `generator.len()`.
pub fn remainder(data: &[u8], generator: &[u8]) -> Vec<u8> {
    let mut rem = vec![0u8; generator.len()];
    for &b in data {
        let factor = b ^ rem[0];
        rem.rotate_left(1);
        if let Some(last) = rem.last_mut() {
            *last = 0;
        }
        for (r, &g) in rem.iter_mut().zip(generator) {
            *r ^= gf_mul(g, factor);
        }
    }
    rem
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_multiplication_wraps_by_the_qr_polynomial() {
        assert_eq!(gf_mul(0x80, 2), 0x1D);
        assert_eq!(gf_mul(1, 0xAB), 0xAB);
        assert_eq!(gf_mul(0, 0xAB), 0);
        // α^255 = 1: multiplying 2 by itself 255 times comes back to 1.
        let mut a = 1u8;
        for _ in 0..255 {
            a = gf_mul(a, 2);
        }
        assert_eq!(a, 1);
    }

    #[test]
    fn generator_of_degree_7_matches_the_spec() {
        // ISO/IEC 18004 Annex A: x⁷ + α⁸⁷x⁶ + α²²⁹x⁵ + α¹⁴⁶x⁴ + α¹⁴⁹x³ + α²³⁸x² + α¹⁰²x + α²¹.
        let alpha = |e: u32| (0..e).fold(1u8, |a, _| gf_mul(a, 2));
        let expected: Vec<u8> = [87, 229, 146, 149, 238, 102, 21].map(alpha).to_vec();
        assert_eq!(generator(7), expected);
    }

    #[test]
    fn hello_world_1m_codewords_match_the_published_example() {
        // "HELLO WORLD" as version 1-M (alphanumeric mode): its 16 data codewords and the 10
        // error-correction codewords published for them.
        let data = [
            32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17,
        ];
        let ecc = remainder(&data, &generator(10));
        assert_eq!(ecc, vec![196, 35, 39, 119, 235, 215, 231, 226, 93, 23]);
    }
}
