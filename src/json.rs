//! Reading JSON: a small parser that borrows from the request text, and [`Fields`] to read one
//! object field by field with typed errors (for requests and for the data files).
//!
//! Hand-written rather than `serde_json::Value`: a request is a handful of short strings, and
//! borrowing them instead of building maps of owned strings is most of the time of an answer in
//! WebAssembly. The parser follows RFC 8259 strictly (no trailing commas, no comments, no lone
//! surrogates), nests at most [`MAX_DEPTH`] deep, and a duplicate key is an error rather than a
//! silent choice of one of the values.

use std::borrow::Cow;

use crate::error::{Error, ErrorCode, Result};
use crate::time::clip;

/// How deep arrays and objects may nest; deeper is `invalid_json`, never a stack overflow.
pub(crate) const MAX_DEPTH: u32 = 64;

/// A JSON value, borrowing its strings from the text where they have no escapes.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value<'a> {
    Null,
    Bool(bool),
    /// A number, as written (validated against the JSON grammar).
    Number(&'a str),
    String(Cow<'a, str>),
    Array(Vec<Value<'a>>),
    /// Members in the order written.
    Object(Vec<(Cow<'a, str>, Value<'a>)>),
}

/// Parses JSON text; anything else is `invalid_json`, naming the line and column.
pub(crate) fn parse(text: &str) -> Result<Value<'_>> {
    let mut p = Parser { text, pos: 0 };
    p.skip_space();
    let value = p.value(0)?;
    p.skip_space();
    if p.pos < text.len() {
        return Err(p.fail("trailing characters after the JSON value"));
    }
    Ok(value)
}

struct Parser<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn bump(&mut self) {
        self.pos = self.pos.saturating_add(1);
    }

    fn fail(&self, what: &str) -> Error {
        let before = self.text.get(..self.pos).unwrap_or(self.text);
        let line = before.bytes().filter(|&b| b == b'\n').count().saturating_add(1);
        // Characters since the last newline: bytes that do not continue a UTF-8 sequence.
        let line_start = before.bytes().rposition(|b| b == b'\n').map_or(0, |i| i.saturating_add(1));
        let column = before.as_bytes().get(line_start..).map_or(0, |l| l.iter().filter(|&&b| b & 0xC0 != 0x80).count());
        let column = column.saturating_add(1);
        Error::new(ErrorCode::InvalidJson, format!("the request is not JSON: {what} at line {line} column {column}"))
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.bump();
        }
    }

    fn expect(&mut self, byte: u8, what: &str) -> Result<()> {
        if self.peek() == Some(byte) {
            self.bump();
            Ok(())
        } else {
            Err(self.fail(what))
        }
    }

    fn value(&mut self, depth: u32) -> Result<Value<'a>> {
        match self.peek() {
            None => Err(self.fail("unexpected end of input")),
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => self.string().map(Value::String),
            Some(b't') => self.literal("true", Value::Bool(true)),
            Some(b'f') => self.literal("false", Value::Bool(false)),
            Some(b'n') => self.literal("null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.fail("expected a value")),
        }
    }

    fn nested(&self, depth: u32) -> Result<u32> {
        if depth >= MAX_DEPTH {
            return Err(self.fail(&format!("nesting deeper than {MAX_DEPTH}")));
        }
        Ok(depth.saturating_add(1))
    }

    fn literal(&mut self, word: &str, value: Value<'a>) -> Result<Value<'a>> {
        let end = self.pos.saturating_add(word.len());
        if self.text.get(self.pos..end) == Some(word) {
            self.pos = end;
            Ok(value)
        } else {
            Err(self.fail("expected a value"))
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.bump();
        }
        self.pos.saturating_sub(start)
    }

    fn number(&mut self) -> Result<Value<'a>> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.bump();
        }
        let leading_zero = self.peek() == Some(b'0');
        match self.digits() {
            0 => return Err(self.fail("expected a digit")),
            n if leading_zero && n > 1 => return Err(self.fail("a number cannot start with 0")),
            _ => {}
        }
        if self.peek() == Some(b'.') {
            self.bump();
            if self.digits() == 0 {
                return Err(self.fail("expected a digit after the decimal point"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.bump();
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.bump();
            }
            if self.digits() == 0 {
                return Err(self.fail("expected a digit in the exponent"));
            }
        }
        self.text.get(start..self.pos).map(Value::Number).ok_or_else(|| self.fail("malformed number"))
    }

    fn string(&mut self) -> Result<Cow<'a, str>> {
        self.expect(b'"', "expected a string")?;
        let start = self.pos;
        // Fast path: no escapes, borrow the text.
        loop {
            match self.peek() {
                None => return Err(self.fail("unterminated string")),
                Some(b'"') => {
                    let s = self.text.get(start..self.pos).ok_or_else(|| self.fail("malformed string"))?;
                    self.bump();
                    return Ok(Cow::Borrowed(s));
                }
                Some(b'\\') => break,
                Some(0..=0x1f) => return Err(self.fail("control character in a string")),
                Some(_) => self.bump(),
            }
        }
        let mut out = String::from(self.text.get(start..self.pos).unwrap_or_default());
        loop {
            match self.peek() {
                None => return Err(self.fail("unterminated string")),
                Some(b'"') => {
                    self.bump();
                    return Ok(Cow::Owned(out));
                }
                Some(b'\\') => {
                    self.bump();
                    let escaped = match self.peek() {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.bump();
                            out.push(self.unicode_escape()?);
                            continue;
                        }
                        _ => return Err(self.fail("invalid escape")),
                    };
                    self.bump();
                    out.push(escaped);
                }
                Some(0..=0x1f) => return Err(self.fail("control character in a string")),
                Some(_) => {
                    // Copy up to the next quote or backslash in one go (UTF-8 stays whole).
                    let from = self.pos;
                    while matches!(self.peek(), Some(b) if b != b'"' && b != b'\\' && b >= 0x20) {
                        self.bump();
                    }
                    out.push_str(self.text.get(from..self.pos).ok_or_else(|| self.fail("malformed string"))?);
                }
            }
        }
    }

    /// The four hex digits after `\u` (and a low surrogate's `\uXXXX` after a high one).
    fn unicode_escape(&mut self) -> Result<char> {
        let high = self.hex4()?;
        let code = if (0xD800..0xDC00).contains(&high) {
            if self.text.get(self.pos..self.pos.saturating_add(2)) != Some("\\u") {
                return Err(self.fail("lone surrogate in a string"));
            }
            self.pos = self.pos.saturating_add(2);
            let low = self.hex4()?;
            if !(0xDC00..0xE000).contains(&low) {
                return Err(self.fail("lone surrogate in a string"));
            }
            0x10000u32.saturating_add((high.saturating_sub(0xD800) << 10) | low.saturating_sub(0xDC00))
        } else {
            high
        };
        char::from_u32(code).ok_or_else(|| self.fail("lone surrogate in a string"))
    }

    fn hex4(&mut self) -> Result<u32> {
        let end = self.pos.saturating_add(4);
        let digits = self.text.get(self.pos..end).ok_or_else(|| self.fail("expected four hex digits"))?;
        let code = u32::from_str_radix(digits, 16).map_err(|_| self.fail("expected four hex digits"))?;
        if digits.starts_with('+') {
            return Err(self.fail("expected four hex digits"));
        }
        self.pos = end;
        Ok(code)
    }

    fn array(&mut self, depth: u32) -> Result<Value<'a>> {
        let depth = self.nested(depth)?;
        self.bump();
        let mut items = Vec::new();
        self.skip_space();
        if self.peek() == Some(b']') {
            self.bump();
            return Ok(Value::Array(items));
        }
        loop {
            self.skip_space();
            items.push(self.value(depth)?);
            self.skip_space();
            match self.peek() {
                Some(b',') => self.bump(),
                Some(b']') => {
                    self.bump();
                    return Ok(Value::Array(items));
                }
                _ => return Err(self.fail("expected `,` or `]`")),
            }
        }
    }

    fn object(&mut self, depth: u32) -> Result<Value<'a>> {
        let depth = self.nested(depth)?;
        self.bump();
        let mut members: Vec<(Cow<'a, str>, Value<'a>)> = Vec::with_capacity(8);
        self.skip_space();
        if self.peek() == Some(b'}') {
            self.bump();
            return Ok(Value::Object(members));
        }
        loop {
            self.skip_space();
            if self.peek() != Some(b'"') {
                return Err(self.fail("expected a key in double quotes"));
            }
            let key = self.string()?;
            if members.iter().any(|(k, _)| *k == key) {
                return Err(self.fail(&format!("duplicate key `{}`", clip(&key))));
            }
            self.skip_space();
            self.expect(b':', "expected `:`")?;
            self.skip_space();
            let value = self.value(depth)?;
            members.push((key, value));
            self.skip_space();
            match self.peek() {
                Some(b',') => self.bump(),
                Some(b'}') => {
                    self.bump();
                    return Ok(Value::Object(members));
                }
                _ => return Err(self.fail("expected `,` or `}`")),
            }
        }
    }
}

/// The fields of one JSON object of a request, read with typed errors: an unknown key is
/// `unknown_field`, a missing one `missing_field`, a wrong type `invalid_request`.
///
/// (Hand-written rather than derived: the messages name the field, and the wasm module stays
/// small, with no float formatting pulled in by serde's type errors.)
pub(crate) struct Fields<'v, 'a> {
    what: &'static str,
    members: &'v [(Cow<'a, str>, Value<'a>)],
}

/// `a, b, c` (what `join(", ")` gives, in a loop: the standard join is larger in the wasm).
pub(crate) fn comma_list(items: &[&str]) -> String {
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(item);
    }
    out
}

impl<'v, 'a> Fields<'v, 'a> {
    pub(crate) fn of(value: &'v Value<'a>, what: &'static str, allowed: &[&str]) -> Result<Self> {
        let Value::Object(members) = value else {
            return Err(Error::new(
                ErrorCode::InvalidRequest,
                format!("{what} must be an object, not {}", kind_of(value)),
            ));
        };
        if let Some((key, _)) = members.iter().find(|(k, _)| !allowed.contains(&k.as_ref())) {
            return Err(Error::new(
                ErrorCode::UnknownField,
                format!("unknown field `{}` in {what}; expected one of {}", clip(key), comma_list(allowed)),
            ));
        }
        Ok(Self { what, members })
    }

    /// The value of `key`, unless absent or `null`.
    pub(crate) fn optional(&self, key: &str) -> Option<&'v Value<'a>> {
        self.members.iter().find(|(k, _)| k == key).map(|(_, v)| v).filter(|v| **v != Value::Null)
    }

    fn missing(&self, key: &str) -> Error {
        Error::new(ErrorCode::MissingField, format!("missing field `{key}` in {}", self.what))
    }

    fn wrong_type(&self, key: &str, expected: &str, value: &Value<'_>) -> Error {
        Error::new(
            ErrorCode::InvalidRequest,
            format!("field `{key}` of {} must be {expected}, not {}", self.what, kind_of(value)),
        )
    }

    /// A string field, borrowed.
    pub(crate) fn str(&self, key: &str) -> Result<&'v str> {
        self.optional_str(key)?.ok_or_else(|| self.missing(key))
    }

    /// An optional string field, borrowed.
    pub(crate) fn optional_str(&self, key: &str) -> Result<Option<&'v str>> {
        match self.optional(key) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(other) => Err(self.wrong_type(key, "a string", other)),
        }
    }

    /// A string field.
    pub(crate) fn text(&self, key: &str) -> Result<String> {
        self.str(key).map(str::to_owned)
    }

    /// An optional string field.
    pub(crate) fn optional_text(&self, key: &str) -> Result<Option<String>> {
        Ok(self.optional_str(key)?.map(str::to_owned))
    }

    /// An array field; absent or `null` is empty.
    pub(crate) fn list(&self, key: &str) -> Result<&'v [Value<'a>]> {
        match self.optional(key) {
            None => Ok(&[]),
            Some(Value::Array(items)) => Ok(items),
            Some(other) => Err(self.wrong_type(key, "an array", other)),
        }
    }

    /// A whole number field (missing → `missing_field`, otherwise `invalid_request`).
    pub(crate) fn count(&self, key: &str) -> Result<u32> {
        let value = self.optional(key).ok_or_else(|| self.missing(key))?;
        match value {
            Value::Number(n) => n.parse::<u32>().map_err(|_| {
                Error::new(
                    ErrorCode::InvalidRequest,
                    format!("field `{key}` of {} must be a whole number, not `{}`", self.what, clip(n)),
                )
            }),
            other => Err(self.wrong_type(key, "a whole number", other)),
        }
    }

    /// A list of strings.
    pub(crate) fn texts(&self, key: &str) -> Result<Vec<String>> {
        self.list(key)?
            .iter()
            .map(|v| match v {
                Value::String(s) => Ok(s.to_string()),
                other => Err(Error::new(
                    ErrorCode::InvalidRequest,
                    format!("`{key}` of {} must list strings, not {}", self.what, kind_of(other)),
                )),
            })
            .collect()
    }

    /// An optional boolean field (absent or `null` → `None`; another type → `invalid_request`).
    pub(crate) fn optional_flag(&self, key: &str) -> Result<Option<bool>> {
        match self.optional(key) {
            None => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(*b)),
            Some(other) => Err(self.wrong_type(key, "a boolean", other)),
        }
    }

    /// An optional whole number (absent or `null` → `None`; otherwise as [`Fields::count`]).
    pub(crate) fn optional_count(&self, key: &str) -> Result<Option<u32>> {
        match self.optional(key) {
            None => Ok(None),
            Some(_) => self.count(key).map(Some),
        }
    }

    /// An optional amount of whole yen, written as a decimal string (`"85800"`) or a whole JSON
    /// number; anything else (negative, fractional, not a number, over 15 digits) is
    /// `invalid_amount`.
    pub(crate) fn optional_yen(&self, key: &str) -> Result<Option<i64>> {
        let bad = |shown: &str| {
            Error::new(
                ErrorCode::InvalidAmount,
                format!("field `{key}` of {} must be whole yen (a string like \"85800\"), not {shown}", self.what),
            )
        };
        let text = match self.optional(key) {
            None => return Ok(None),
            Some(Value::String(s)) => s.trim(),
            Some(Value::Number(n)) => n,
            Some(other) => return Err(bad(kind_of(other))),
        };
        let digits_only = !text.is_empty() && text.len() <= 15 && text.bytes().all(|b| b.is_ascii_digit());
        let shown = || format!("`{}`", clip(text));
        if !digits_only {
            return Err(bad(&shown()));
        }
        text.parse::<i64>().map(Some).map_err(|_| bad(&shown()))
    }

    /// A required amount of whole yen (see [`Fields::optional_yen`]).
    pub(crate) fn yen(&self, key: &str) -> Result<i64> {
        self.optional_yen(key)?.ok_or_else(|| self.missing(key))
    }

    /// One string field of an object, whatever its other fields (to dispatch a request on its
    /// `plan` before reading it whole); `None` when it is not an object or has no such string.
    pub(crate) fn peek_str(value: &'v Value<'a>, key: &str) -> Option<&'v str> {
        let Value::Object(members) = value else { return None };
        match members.iter().find(|(k, _)| k == key).map(|(_, v)| v) {
            Some(Value::String(s)) => Some(s),
            _ => None,
        }
    }
}

/// How a value is named in messages.
pub(crate) fn kind_of(value: &Value<'_>) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(text: &str) -> Option<ErrorCode> {
        parse(text).err().map(|e| e.code())
    }

    #[test]
    fn parses_what_serde_json_parses() {
        for text in [
            r#"{"a":[1,-2.5e3,0,true,false,null,"x\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00"],"b":{}}"#,
            " [ ] ",
            "\"日本語\"",
            "-0.0E+1",
            r#"{"k":"a\u0000b"}"#,
        ] {
            let ours = parse(text).unwrap();
            let theirs: serde_json::Value = serde_json::from_str(text).unwrap();
            assert_eq!(to_serde(&ours), theirs, "{text}");
        }
    }

    fn to_serde(v: &Value<'_>) -> serde_json::Value {
        match v {
            Value::Null => serde_json::Value::Null,
            Value::Bool(b) => (*b).into(),
            Value::Number(n) => serde_json::from_str(n).unwrap(),
            Value::String(s) => s.as_ref().into(),
            Value::Array(a) => a.iter().map(to_serde).collect(),
            Value::Object(m) => m.iter().map(|(k, v)| (k.to_string(), to_serde(v))).collect(),
        }
    }

    #[test]
    fn rejects_what_json_rejects() {
        for text in [
            "",
            " ",
            "{",
            "}",
            "[1,]",
            "{\"a\":1,}",
            "{'a':1}",
            "01",
            "1.",
            ".5",
            "-",
            "1e",
            "+1",
            "tru",
            "nul",
            "\"a",
            "\"\\x\"",
            "\"\\u12\"",
            "\"\\ud800\"",
            "\"\\udc00\"",
            "\"\\ud800\\u0041\"",
            "\"a\u{1}\"",
            "{\"a\" 1}",
            "{1:2}",
            "[1 2]",
            "1 2",
            "{\"a\":1,\"a\":2}",
            "\"\\u+123\"",
        ] {
            assert_eq!(code(text), Some(ErrorCode::InvalidJson), "{text:?}");
        }
    }

    #[test]
    fn depth_is_limited_not_a_stack_overflow() {
        let ok = format!("{}{}", "[".repeat(64), "]".repeat(64));
        assert!(parse(&ok).is_ok());
        let deep = format!("{}{}", "[".repeat(65), "]".repeat(65));
        assert_eq!(parse(&deep).unwrap_err().code(), ErrorCode::InvalidJson);
        let very_deep = "[".repeat(1_000_000);
        assert_eq!(parse(&very_deep).unwrap_err().code(), ErrorCode::InvalidJson);
    }

    #[test]
    fn errors_name_line_and_column() {
        let e = parse("{\n  \"a\": x}").unwrap_err();
        assert!(e.message().contains("line 2 column 8"), "{}", e.message());
        // Columns count characters, not bytes.
        let e = parse("{\"あい\": x}").unwrap_err();
        assert!(e.message().contains("line 1 column 8"), "{}", e.message());
    }

    #[test]
    fn borrows_plain_strings() {
        let v = parse(r#"{"plan":"care-refresh-1y","e":"a\nb"}"#).unwrap();
        let Value::Object(members) = v else { panic!("not an object") };
        assert!(matches!(members[0], (Cow::Borrowed("plan"), Value::String(Cow::Borrowed("care-refresh-1y")))));
        assert!(matches!(&members[1].1, Value::String(Cow::Owned(s)) if s == "a\nb"));
    }

    #[test]
    fn fields_read_with_typed_errors() {
        let v = parse(r#"{"s":"x","n":3,"neg":-1,"f":1.5,"l":["a",1],"z":null}"#).unwrap();
        let f = Fields::of(&v, "t", &["s", "n", "neg", "f", "l", "z"]).unwrap();
        assert_eq!(f.str("s").unwrap(), "x");
        assert_eq!(f.count("n").unwrap(), 3);
        assert_eq!(f.count("neg").unwrap_err().code(), ErrorCode::InvalidRequest);
        assert_eq!(f.count("f").unwrap_err().code(), ErrorCode::InvalidRequest);
        assert_eq!(f.count("z").unwrap_err().code(), ErrorCode::MissingField);
        assert_eq!(f.str("n").unwrap_err().code(), ErrorCode::InvalidRequest);
        assert_eq!(f.texts("l").unwrap_err().code(), ErrorCode::InvalidRequest);
        assert_eq!(f.optional_str("z").unwrap(), None);
        assert_eq!(f.list("z").unwrap().len(), 0);
        assert_eq!(Fields::of(&v, "t", &["s"]).err().map(|e| e.code()), Some(ErrorCode::UnknownField));
    }
}
