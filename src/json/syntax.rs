//! The first of the reader's two passes: is the text one well-formed JSON value? A single scan
//! with no allocation beyond a stack of open brackets (at most [`MAX_DEPTH`] deep), so a
//! malformed or deeply nested input is refused before anything is built from it, and the
//! message says what is wrong and where (line and column).

use super::MAX_DEPTH;
use crate::error::ErrorKind;

/// Checks that `text` is exactly one JSON value (RFC 8259), surrounded by optional whitespace.
pub fn check(text: &str) -> Result<(), ErrorKind> {
    let mut s = Scan { b: text.as_bytes(), pos: 0 };
    let mut stack: Vec<u8> = Vec::new(); // b'[' or b'{' per open container
    // After a value: close containers and find where the next value goes.
    'value: loop {
        s.space();
        match s.peek() {
            None => return s.error("the text ends where a value should be"),
            Some(b'{') => {
                s.pos += 1;
                if stack.len() >= MAX_DEPTH {
                    return s.too_deep();
                }
                stack.push(b'{');
                s.space();
                if s.peek() == Some(b'}') {
                    s.pos += 1;
                    stack.pop();
                } else {
                    s.key()?;
                    continue 'value;
                }
            }
            Some(b'[') => {
                s.pos += 1;
                if stack.len() >= MAX_DEPTH {
                    return s.too_deep();
                }
                stack.push(b'[');
                s.space();
                if s.peek() == Some(b']') {
                    s.pos += 1;
                    stack.pop();
                } else {
                    continue 'value;
                }
            }
            Some(b'"') => s.string()?,
            Some(b't') => s.word("true")?,
            Some(b'f') => s.word("false")?,
            Some(b'n') => s.word("null")?,
            Some(b'-' | b'0'..=b'9') => s.number()?,
            Some(_) => return s.error("expected a value"),
        }
        // A value ended: close what ends here, or go on to the next item.
        loop {
            s.space();
            match stack.last() {
                None => {
                    if s.pos < s.b.len() {
                        return s.error("unexpected text after the JSON value");
                    }
                    return Ok(());
                }
                Some(b'[') => match s.peek() {
                    Some(b',') => {
                        s.pos += 1;
                        continue 'value;
                    }
                    Some(b']') => {
                        s.pos += 1;
                        stack.pop();
                    }
                    _ => return s.error("expected `,` or `]`"),
                },
                Some(_) => match s.peek() {
                    Some(b',') => {
                        s.pos += 1;
                        s.space();
                        s.key()?;
                        continue 'value;
                    }
                    Some(b'}') => {
                        s.pos += 1;
                        stack.pop();
                    }
                    _ => return s.error("expected `,` or `}`"),
                },
            }
        }
    }
}

struct Scan<'t> {
    b: &'t [u8],
    pos: usize,
}

impl Scan<'_> {
    fn error<T>(&self, problem: &'static str) -> Result<T, ErrorKind> {
        Err(malformed(self.b, self.pos, problem))
    }

    fn too_deep<T>(&self) -> Result<T, ErrorKind> {
        let (line, column) = position(self.b, self.pos);
        Err(ErrorKind::nested_too_deep(MAX_DEPTH as u64, line, column))
    }

    fn peek(&self) -> Option<u8> {
        self.b.get(self.pos).copied()
    }

    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    /// A key and its colon, with the scan left where the value starts.
    fn key(&mut self) -> Result<(), ErrorKind> {
        if self.peek() != Some(b'"') {
            return self.error("expected a key in double quotes");
        }
        self.string()?;
        self.space();
        if self.peek() != Some(b':') {
            return self.error("expected `:` after the key");
        }
        self.pos += 1;
        Ok(())
    }

    fn word(&mut self, word: &str) -> Result<(), ErrorKind> {
        if self.b[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(())
        } else {
            self.error("expected a value")
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
        self.pos - start
    }

    fn number(&mut self) -> Result<(), ErrorKind> {
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return self.error("expected a digit"),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if self.digits() == 0 {
                return self.error("expected a digit after the decimal point");
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if self.digits() == 0 {
                return self.error("expected a digit in the exponent");
            }
        }
        Ok(())
    }

    fn hex4(&mut self) -> Result<u32, ErrorKind> {
        let digits = self.b.get(self.pos..self.pos + 4).filter(|h| h.iter().all(u8::is_ascii_hexdigit));
        match digits {
            Some(h) => {
                self.pos += 4;
                Ok(h.iter().fold(0, |acc, &d| acc * 16 + (d as char).to_digit(16).unwrap_or(0)))
            }
            None => self.error("expected four hex digits after \\u"),
        }
    }

    /// A string from its opening quote; escapes checked, surrogates paired.
    fn string(&mut self) -> Result<(), ErrorKind> {
        self.pos += 1;
        loop {
            match self.peek() {
                None => return self.error("the text ends inside a string"),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(());
                }
                Some(b'\\') => {
                    self.pos += 1;
                    match self.peek() {
                        Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => self.pos += 1,
                        Some(b'u') => {
                            self.pos += 1;
                            let first = self.hex4()?;
                            match first {
                                0xD800..=0xDBFF => {
                                    if !self.b[self.pos..].starts_with(b"\\u") {
                                        return self.error("a lone surrogate in a \\u escape");
                                    }
                                    self.pos += 2;
                                    let second = self.hex4()?;
                                    if !(0xDC00..=0xDFFF).contains(&second) {
                                        return self.error("a lone surrogate in a \\u escape");
                                    }
                                }
                                0xDC00..=0xDFFF => return self.error("a lone surrogate in a \\u escape"),
                                _ => {}
                            }
                        }
                        _ => return self.error("unknown escape in a string"),
                    }
                }
                Some(0..=0x1f) => return self.error("a control character inside a string (write it as an escape)"),
                Some(_) => self.pos += 1,
            }
        }
    }
}

/// "malformed JSON: <what> at line L column C" (columns count bytes, from 1).
/// The 1-based line and column of byte `pos`.
pub(super) fn position(bytes: &[u8], pos: usize) -> (u64, u64) {
    let before = &bytes[..pos.min(bytes.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let column = before.iter().rev().take_while(|&&b| b != b'\n').count() + 1;
    (line as u64, column as u64)
}

/// Malformed JSON: `problem` at byte `pos`.
pub(super) fn malformed(bytes: &[u8], pos: usize, problem: &'static str) -> ErrorKind {
    let (line, column) = position(bytes, pos);
    ErrorKind::malformed(problem, line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_json() {
        for ok in ["0", "-0.5e+3", "\"\\u00e9\\ud83d\\ude00\"", "[]", "{}", " [1, {\"a\": [null, true, false]}] ", "{\"a\":{\"b\":{}}}"] {
            assert_eq!(check(ok), Ok(()), "{ok}");
        }
    }

    #[test]
    fn malformed_text_says_where() {
        for (text, what) in [
            ("", "ends where a value"),
            ("{\"a\": 1,}", "key in double quotes"),
            ("[1 2]", "`,` or `]`"),
            ("[1,]", "expected a value"),
            ("\"abc", "ends inside a string"),
            ("01", "after the JSON value"),
            ("1.", "after the decimal point"),
            ("\"\\x\"", "unknown escape"),
            ("\"\\ud800\"", "lone surrogate"),
            ("\"\t\"", "control character"),
            ("nul", "expected a value"),
            ("{} x", "after the JSON value"),
            ("{\"a\" 1}", "`:` after the key"),
            ("{\"a\": 1 \"b\": 2}", "`,` or `}`"),
            ("-", "expected a digit"),
            ("1e", "digit in the exponent"),
        ] {
            let e = check(text).unwrap_err().message();
            assert!(e.starts_with("malformed JSON: ") && e.contains(what), "{text:?}: {e}");
        }
        assert_eq!(check("{\n  \"a\": x }").unwrap_err(), ErrorKind::malformed("expected a value", 2, 8));
    }

    #[test]
    fn deep_nesting_is_refused_not_a_stack_overflow() {
        assert!(check(&"[".repeat(1_000_000)).unwrap_err().message().contains("nested deeper than 128"));
        assert!(check(&"{\"a\":".repeat(1_000)).unwrap_err().message().contains("nested deeper"));
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert_eq!(check(&ok), Ok(()));
        let over = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
        assert!(check(&over).is_err());
    }
}
