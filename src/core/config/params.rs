//! The network's weights and biases in a link (`params=`): each `f64`'s 8 bytes,
//! little-endian, in the network's flat order, as URL-safe base64. Exact to the bit:
//! 25 parameters (the default 2-4-2-1 network) take 267 characters.
use super::limits;
use crate::core::base64;

/// The `params` value for `params`.
pub fn encode_params(params: &[f64]) -> String {
    let bytes: Vec<u8> = params.iter().flat_map(|p| p.to_le_bytes()).collect();
    base64::encode(&bytes)
}

/// Reads a `params` value. Errors say what is wrong: not base64, not whole numbers of 8
/// bytes, more than [`limits::MAX_PARAMS`], or a value that is NaN or infinite.
pub fn decode_params(text: &str) -> Result<Vec<f64>, String> {
    if text.len() > limits::MAX_PARAMS * 11 {
        return Err(format!("it holds more than {} weights", limits::MAX_PARAMS));
    }
    let link_char = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '=');
    if let Some((i, c)) = text.chars().enumerate().find(|&(_, c)| !link_char(c)) {
        let c = crate::core::text::shorten(&c.to_string());
        return Err(format!(
            "its text was changed: character {} ('{c}') cannot be part of it",
            i + 1
        ));
    }
    let bytes = base64::decode(text).map_err(|_| "its text was cut short".to_string())?;
    if bytes.len() % 8 != 0 {
        return Err(format!(
            "it ends part-way through a weight, as if the link was cut short ({}, where every weight takes 8)",
            crate::core::text::plural(bytes.len(), "byte")
        ));
    }
    let params: Vec<f64> = bytes
        .chunks_exact(8)
        .map(|c| f64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]))
        .collect();
    if params.len() > limits::MAX_PARAMS {
        return Err(format!("it holds more than {} weights", limits::MAX_PARAMS));
    }
    match params.iter().position(|p| !p.is_finite()) {
        Some(i) => Err(format!("weight {} is not a finite number", i + 1)),
        None => check_sizes(&params).map(|()| params),
    }
}

/// Refuses weights beyond ±[`limits::PARAM`], naming the first and saying why: a network
/// cannot train from them.
pub fn check_sizes(params: &[f64]) -> Result<(), String> {
    match params.iter().position(|p| p.abs() > limits::PARAM) {
        Some(i) => Err(format!(
            "weight {} is {:e}, beyond ±{}, where training cannot work",
            i + 1,
            params[i],
            crate::core::number_text::format_number(limits::PARAM)
        )),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn params_round_trip_to_the_bit_and_bad_values_are_refused() {
        let params = [
            0.1,
            -0.0,
            1e-300,
            -123456.789,
            f64::MIN_POSITIVE,
            0.30000000000000004,
        ];
        let text = encode_params(&params);
        let back = decode_params(&text).unwrap();
        let bits = |v: &[f64]| v.iter().map(|p| p.to_bits()).collect::<Vec<_>>();
        assert_eq!(bits(&back), bits(&params));
        assert_eq!(encode_params(&[0.0; 25]).len(), 267);
        assert!(decode_params("AAAA").unwrap_err().contains("3 bytes"));
        assert!(decode_params(&encode_params(&[1.0, f64::NAN]))
            .unwrap_err()
            .contains("weight 2"));
        assert!(decode_params(&encode_params(&[f64::INFINITY])).is_err());
        assert!(decode_params("**").is_err());
        assert!(decode_params(&encode_params(&vec![0.0; limits::MAX_PARAMS + 1])).is_err());
        assert_eq!(decode_params("").unwrap(), Vec::<f64>::new());
        assert!(decode_params("AA").unwrap_err().contains("(1 byte, where"));
        let huge = decode_params(&encode_params(&[0.5, 1e308])).unwrap_err();
        assert!(
            huge.contains("weight 2 is 1e308") && huge.contains("cannot"),
            "{huge}"
        );
        assert!(decode_params(&encode_params(&[limits::PARAM, -limits::PARAM])).is_ok());
    }
}
