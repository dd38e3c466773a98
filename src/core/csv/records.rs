//! CSV records by the `csv-core` tokenizer (RFC 4180: double-quoted fields, `""` for a quote
//! inside one, separators and line ends inside quotes), each with the line it starts on.
//! Lines of nothing but spaces are skipped.

/// The records of a text, one at a time.
pub(super) struct Records<'a> {
    rest: &'a [u8],
    /// The line (from 1) that `rest` starts on.
    line: usize,
    reader: csv_core::Reader,
    /// The current record's fields, unquoted, one after another.
    out: Vec<u8>,
    /// Where each field ends in `out`.
    ends: Vec<usize>,
}

impl<'a> Records<'a> {
    /// The records of `text`, fields separated by `sep` (an ASCII byte).
    pub fn new(text: &'a str, sep: u8) -> Self {
        Records {
            rest: text.as_bytes(),
            line: 1,
            reader: csv_core::ReaderBuilder::new().delimiter(sep).build(),
            out: vec![0; 256],
            ends: vec![0; 8],
        }
    }

    /// Moves past lines that hold only whitespace.
    fn skip_blank_lines(&mut self) {
        loop {
            let end = self.rest.iter().position(|&b| b == b'\n');
            let line = &self.rest[..end.unwrap_or(self.rest.len())];
            if !line.iter().all(u8::is_ascii_whitespace) {
                return;
            }
            match end {
                Some(end) => {
                    self.rest = &self.rest[end + 1..];
                    self.line += 1;
                }
                None => {
                    self.rest = &[];
                    return;
                }
            }
        }
    }
}

impl Iterator for Records<'_> {
    /// The record's first line and its fields, without surrounding spaces.
    type Item = (usize, Vec<String>);

    fn next(&mut self) -> Option<Self::Item> {
        use csv_core::ReadRecordResult as R;
        self.skip_blank_lines();
        if self.rest.is_empty() {
            return None;
        }
        let line = self.line;
        let (mut n_out, mut n_ends) = (0, 0);
        loop {
            let (result, n_in, o, e) = self.reader.read_record(
                self.rest,
                &mut self.out[n_out..],
                &mut self.ends[n_ends..],
            );
            let read = &self.rest[..n_in];
            self.line += read.iter().filter(|&&b| b == b'\n').count();
            self.rest = &self.rest[n_in..];
            (n_out, n_ends) = (n_out + o, n_ends + e);
            match result {
                R::Record => break,
                R::End => return None,
                // The next call, with no input left, ends the last record.
                R::InputEmpty => {}
                R::OutputFull => self.out.resize(2 * self.out.len(), 0),
                R::OutputEndsFull => self.ends.resize(2 * self.ends.len(), 0),
            }
        }
        let mut start = 0;
        let fields = self.ends[..n_ends]
            .iter()
            .map(|&end| {
                let field = String::from_utf8_lossy(&self.out[start..end]);
                start = end;
                field.trim().to_string()
            })
            .collect();
        Some((line, fields))
    }
}
