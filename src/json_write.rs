//! Writing answers as JSON: a small `serde::Serializer` into one `String`.
//!
//! It writes what serde_json writes for our answers (compact, keys in declaration order, `null`
//! for `None`), without serde_json's generality: keys are the answer types' own field names, so
//! only values are scanned for characters to escape, and numbers are written without `fmt`.
//! The tests compare it with serde_json on every answer type.

use std::fmt::{self, Display};

use serde::ser::{self, Serialize};

use crate::error::{Error, ErrorCode, Result};

/// The JSON text of `value`.
pub(crate) fn to_string<T: Serialize + ?Sized>(value: &T, capacity: usize) -> Result<String> {
    let mut out = String::with_capacity(capacity);
    value
        .serialize(&mut Writer { out: &mut out })
        .map_err(|e| Error::new(ErrorCode::Internal, format!("answer not serialisable: {}", e.0)))?;
    Ok(out)
}

/// Why a value cannot be written (a map key that is not a string, a non-finite float, …).
#[derive(Debug)]
pub(crate) struct WriteError(String);

impl Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for WriteError {}

impl ser::Error for WriteError {
    fn custom<T: Display>(msg: T) -> Self {
        Self(msg.to_string())
    }
}

type Written = std::result::Result<(), WriteError>;

struct Writer<'o> {
    out: &'o mut String,
}

impl Writer<'_> {
    fn string(&mut self, s: &str) {
        // No early exit: the whole scan compiles to a few vector instructions per 16 bytes.
        let plain = !s.bytes().fold(false, |escape, b| escape | (b < 0x20) | (b == b'"') | (b == b'\\'));
        if plain {
            self.out.reserve(s.len().saturating_add(2));
            self.out.push('"');
            self.out.push_str(s);
            self.out.push('"');
            return;
        }
        self.out.push('"');
        {
            for c in s.chars() {
                match c {
                    '"' => self.out.push_str("\\\""),
                    '\\' => self.out.push_str("\\\\"),
                    '\n' => self.out.push_str("\\n"),
                    '\r' => self.out.push_str("\\r"),
                    '\t' => self.out.push_str("\\t"),
                    '\u{8}' => self.out.push_str("\\b"),
                    '\u{c}' => self.out.push_str("\\f"),
                    c if u32::from(c) < 0x20 => {
                        const HEX: &[u8; 16] = b"0123456789abcdef";
                        let n = u32::from(c) as usize;
                        self.out.push_str("\\u00");
                        for digit in [n >> 4, n & 0xf] {
                            self.out.push(char::from(HEX.get(digit).copied().unwrap_or(b'0')));
                        }
                    }
                    c => self.out.push(c),
                }
            }
        }
        self.out.push('"');
    }

    fn unsigned(&mut self, mut n: u64) {
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        loop {
            at = at.saturating_sub(1);
            if let Some(d) = digits.get_mut(at) {
                *d = b'0'.saturating_add((n % 10) as u8);
            }
            n /= 10;
            if n == 0 {
                break;
            }
        }
        for &d in digits.get(at..).unwrap_or_default() {
            self.out.push(char::from(d));
        }
    }

    fn signed(&mut self, n: i64) {
        if n < 0 {
            self.out.push('-');
        }
        self.unsigned(n.unsigned_abs());
    }

    /// A struct field's key: the answer types' own field names, which need no escaping.
    fn key(&mut self, first: &mut bool, key: &str) {
        self.out.reserve(key.len().saturating_add(4));
        self.out.push_str(if std::mem::take(first) { "\"" } else { ",\"" });
        self.out.push_str(key);
        self.out.push_str("\":");
    }
}

/// An array, object or variant being written; `first` until its first element.
struct Compound<'w, 'o> {
    w: &'w mut Writer<'o>,
    first: bool,
    /// Closing characters: `]`, `}`, or `}}` for a variant wrapped in an object.
    close: &'static str,
}

impl Compound<'_, '_> {
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Written {
        if !std::mem::take(&mut self.first) {
            self.w.out.push(',');
        }
        value.serialize(&mut *self.w)
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Written {
        self.w.key(&mut self.first, key);
        value.serialize(&mut *self.w)
    }

    fn end(self) -> Written {
        self.w.out.push_str(self.close);
        Ok(())
    }
}

impl<'w, 'o> ser::Serializer for &'w mut Writer<'o> {
    type Ok = ();
    type Error = WriteError;
    type SerializeSeq = Compound<'w, 'o>;
    type SerializeTuple = Compound<'w, 'o>;
    type SerializeTupleStruct = Compound<'w, 'o>;
    type SerializeTupleVariant = Compound<'w, 'o>;
    type SerializeMap = Compound<'w, 'o>;
    type SerializeStruct = Compound<'w, 'o>;
    type SerializeStructVariant = Compound<'w, 'o>;

    fn serialize_bool(self, v: bool) -> Written {
        self.out.push_str(if v { "true" } else { "false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Written {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i16(self, v: i16) -> Written {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i32(self, v: i32) -> Written {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i64(self, v: i64) -> Written {
        self.signed(v);
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Written {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u16(self, v: u16) -> Written {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u32(self, v: u32) -> Written {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u64(self, v: u64) -> Written {
        self.unsigned(v);
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> Written {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> Written {
        // Answers carry no floats (money is decimal strings); should one appear, write what
        // JavaScript's JSON.stringify writes, including `null` for NaN and infinities.
        if v.is_finite() {
            self.out.push_str(&v.to_string());
        } else {
            self.out.push_str("null");
        }
        Ok(())
    }
    fn serialize_char(self, v: char) -> Written {
        self.string(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Written {
        self.string(v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Written {
        let mut seq = ser::Serializer::serialize_seq(self, Some(v.len()))?;
        for b in v {
            ser::SerializeSeq::serialize_element(&mut seq, b)?;
        }
        ser::SerializeSeq::end(seq)
    }
    fn serialize_none(self) -> Written {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Written {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Written {
        self.out.push_str("null");
        Ok(())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Written {
        self.serialize_unit()
    }
    fn serialize_unit_variant(self, _name: &'static str, _index: u32, variant: &'static str) -> Written {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _name: &'static str, value: &T) -> Written {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Written {
        self.out.push('{');
        self.string(variant);
        self.out.push(':');
        value.serialize(&mut *self)?;
        self.out.push('}');
        Ok(())
    }
    fn serialize_seq(self, _len: Option<usize>) -> std::result::Result<Compound<'w, 'o>, WriteError> {
        self.out.push('[');
        Ok(Compound { w: self, first: true, close: "]" })
    }
    fn serialize_tuple(self, len: usize) -> std::result::Result<Compound<'w, 'o>, WriteError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> std::result::Result<Compound<'w, 'o>, WriteError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> std::result::Result<Compound<'w, 'o>, WriteError> {
        self.out.push('{');
        self.string(variant);
        self.out.push_str(":[");
        Ok(Compound { w: self, first: true, close: "]}" })
    }
    fn serialize_map(self, _len: Option<usize>) -> std::result::Result<Compound<'w, 'o>, WriteError> {
        self.out.push('{');
        Ok(Compound { w: self, first: true, close: "}" })
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> std::result::Result<Compound<'w, 'o>, WriteError> {
        self.serialize_map(None)
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> std::result::Result<Compound<'w, 'o>, WriteError> {
        self.out.push('{');
        self.string(variant);
        self.out.push_str(":{");
        Ok(Compound { w: self, first: true, close: "}}" })
    }
}

impl ser::SerializeSeq for Compound<'_, '_> {
    type Ok = ();
    type Error = WriteError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Written {
        self.element(value)
    }
    fn end(self) -> Written {
        Compound::end(self)
    }
}

impl ser::SerializeTuple for Compound<'_, '_> {
    type Ok = ();
    type Error = WriteError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Written {
        self.element(value)
    }
    fn end(self) -> Written {
        Compound::end(self)
    }
}

impl ser::SerializeTupleStruct for Compound<'_, '_> {
    type Ok = ();
    type Error = WriteError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Written {
        self.element(value)
    }
    fn end(self) -> Written {
        Compound::end(self)
    }
}

impl ser::SerializeTupleVariant for Compound<'_, '_> {
    type Ok = ();
    type Error = WriteError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Written {
        self.element(value)
    }
    fn end(self) -> Written {
        Compound::end(self)
    }
}

impl ser::SerializeMap for Compound<'_, '_> {
    type Ok = ();
    type Error = WriteError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Written {
        if !std::mem::take(&mut self.first) {
            self.w.out.push(',');
        }
        key.serialize(KeyWriter { w: &mut *self.w })?;
        self.w.out.push(':');
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Written {
        value.serialize(&mut *self.w)
    }
    fn end(self) -> Written {
        Compound::end(self)
    }
}

impl ser::SerializeStruct for Compound<'_, '_> {
    type Ok = ();
    type Error = WriteError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Written {
        self.field(key, value)
    }
    fn end(self) -> Written {
        Compound::end(self)
    }
}

impl ser::SerializeStructVariant for Compound<'_, '_> {
    type Ok = ();
    type Error = WriteError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Written {
        self.field(key, value)
    }
    fn end(self) -> Written {
        Compound::end(self)
    }
}

/// Map keys: strings as they are, integers quoted (as serde_json does); anything else is an error.
struct KeyWriter<'w, 'o> {
    w: &'w mut Writer<'o>,
}

fn not_a_key() -> WriteError {
    WriteError("a map key must be a string".to_owned())
}

impl ser::Serializer for KeyWriter<'_, '_> {
    type Ok = ();
    type Error = WriteError;
    type SerializeSeq = ser::Impossible<(), WriteError>;
    type SerializeTuple = ser::Impossible<(), WriteError>;
    type SerializeTupleStruct = ser::Impossible<(), WriteError>;
    type SerializeTupleVariant = ser::Impossible<(), WriteError>;
    type SerializeMap = ser::Impossible<(), WriteError>;
    type SerializeStruct = ser::Impossible<(), WriteError>;
    type SerializeStructVariant = ser::Impossible<(), WriteError>;

    fn serialize_str(self, v: &str) -> Written {
        self.w.string(v);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Written {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_unit_variant(self, _name: &'static str, _index: u32, variant: &'static str) -> Written {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _name: &'static str, value: &T) -> Written {
        value.serialize(self)
    }
    fn serialize_bool(self, _v: bool) -> Written {
        Err(not_a_key())
    }
    fn serialize_i8(self, v: i8) -> Written {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i16(self, v: i16) -> Written {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i32(self, v: i32) -> Written {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i64(self, v: i64) -> Written {
        self.w.out.push('"');
        self.w.signed(v);
        self.w.out.push('"');
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Written {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u16(self, v: u16) -> Written {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u32(self, v: u32) -> Written {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u64(self, v: u64) -> Written {
        self.w.out.push('"');
        self.w.unsigned(v);
        self.w.out.push('"');
        Ok(())
    }
    fn serialize_f32(self, _v: f32) -> Written {
        Err(not_a_key())
    }
    fn serialize_f64(self, _v: f64) -> Written {
        Err(not_a_key())
    }
    fn serialize_bytes(self, _v: &[u8]) -> Written {
        Err(not_a_key())
    }
    fn serialize_none(self) -> Written {
        Err(not_a_key())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _value: &T) -> Written {
        Err(not_a_key())
    }
    fn serialize_unit(self) -> Written {
        Err(not_a_key())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Written {
        Err(not_a_key())
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Written {
        Err(not_a_key())
    }
    fn serialize_seq(self, _len: Option<usize>) -> std::result::Result<Self::SerializeSeq, WriteError> {
        Err(not_a_key())
    }
    fn serialize_tuple(self, _len: usize) -> std::result::Result<Self::SerializeTuple, WriteError> {
        Err(not_a_key())
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> std::result::Result<Self::SerializeTupleStruct, WriteError> {
        Err(not_a_key())
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> std::result::Result<Self::SerializeTupleVariant, WriteError> {
        Err(not_a_key())
    }
    fn serialize_map(self, _len: Option<usize>) -> std::result::Result<Self::SerializeMap, WriteError> {
        Err(not_a_key())
    }
    fn serialize_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> std::result::Result<Self::SerializeStruct, WriteError> {
        Err(not_a_key())
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> std::result::Result<Self::SerializeStructVariant, WriteError> {
        Err(not_a_key())
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::Serialize;

    use super::to_string;

    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Sample<'a> {
        text: &'a str,
        escaped: &'a str,
        numbers: (u8, i64, i64, u64, u32),
        float: f64,
        nan: f64,
        missing: Option<u8>,
        unit: (),
        list: Vec<Kind>,
        map: BTreeMap<&'a str, u8>,
        int_keys: BTreeMap<u16, bool>,
        tagged: Tagged,
        #[serde(flatten)]
        flat: Flat,
    }

    #[derive(Serialize)]
    #[serde(rename_all = "kebab-case")]
    enum Kind {
        UnitVariant,
        Newtype(u8),
        Tuple(u8, u8),
        Struct { a: u8 },
    }

    #[derive(Serialize)]
    #[serde(tag = "status", rename_all = "kebab-case")]
    enum Tagged {
        Published { amount: &'static str },
    }

    #[derive(Serialize)]
    struct Flat {
        extra: bool,
    }

    #[test]
    fn writes_what_serde_json_writes() {
        let sample = Sample {
            text: "日本語 plain",
            escaped: "q\"b\\n\nr\rt\tc\u{1}\u{1f}\u{8}\u{c}/\u{2028}",
            numbers: (0, -9_223_372_036_854_775_808, 42, u64::MAX, 7),
            float: 1.5,
            nan: f64::NAN,
            missing: None,
            unit: (),
            list: vec![Kind::UnitVariant, Kind::Newtype(1), Kind::Tuple(1, 2), Kind::Struct { a: 3 }],
            map: [("b", 2), ("a", 1)].into_iter().collect(),
            int_keys: [(10, true), (2, false)].into_iter().collect(),
            tagged: Tagged::Published { amount: "85800" },
            flat: Flat { extra: true },
        };
        assert_eq!(to_string(&sample, 0).unwrap(), serde_json::to_string(&sample).unwrap());
        assert_eq!(to_string(&[(); 0], 0).unwrap(), "[]");
    }

    #[test]
    fn non_string_keys_are_errors_not_panics() {
        let map: BTreeMap<(u8, u8), u8> = [((1, 2), 3)].into_iter().collect();
        assert!(to_string(&map, 0).is_err());
    }
}
