//! The training set as compiled kernels read it.

/// A training set in f32: row-major, each row the `width` inputs then the target, and one
/// more row of zeros after the last (the padding lanes' row).
#[derive(Clone, Debug, Default)]
pub struct FastRows {
    values: Vec<f32>,
    width: usize,
    rows: usize,
}

impl FastRows {
    /// From row-major f64 inputs (`width` per row) and one target per row; as many rows as
    /// both have.
    pub fn new(inputs: &[f64], targets: &[f64], width: usize) -> Self {
        let rows = inputs
            .len()
            .checked_div(width)
            .map_or(0, |whole| whole.min(targets.len()));
        let mut values = Vec::with_capacity((rows + 1) * (width + 1));
        for (row, &t) in inputs.chunks_exact(width.max(1)).zip(targets).take(rows) {
            values.extend(row.iter().map(|&x| x as f32));
            values.push(t as f32);
        }
        values.resize((rows + 1) * (width + 1), 0.0);
        FastRows {
            values,
            width,
            rows,
        }
    }

    /// Inputs per row.
    pub fn width(&self) -> usize {
        self.width
    }

    /// Rows, not counting the row of zeros.
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// The number of the row of zeros.
    pub fn zero_row(&self) -> u32 {
        self.rows as u32
    }

    /// The values, row by row.
    pub fn values(&self) -> &[f32] {
        &self.values
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_then_a_row_of_zeros() {
        let set = FastRows::new(&[1.0, 2.0, 3.0, 4.0], &[0.5, -1.0], 2);
        assert_eq!(set.values(), [1.0, 2.0, 0.5, 3.0, 4.0, -1.0, 0.0, 0.0, 0.0]);
        assert_eq!((set.width(), set.rows(), set.zero_row()), (2, 2, 2));
        // Short inputs or no width: only whole rows, and the zeros stay last.
        let short = FastRows::new(&[1.0, 2.0, 3.0], &[0.5, -1.0], 2);
        assert_eq!(short.values(), [1.0, 2.0, 0.5, 0.0, 0.0, 0.0]);
        assert_eq!(short.zero_row(), 1);
        let none = FastRows::new(&[], &[0.5], 0);
        assert_eq!((none.values(), none.zero_row()), (&[0.0f32][..], 0));
    }
}
