//! Reading JSON objects field by field, with typed errors (for requests and for the data files).

use serde_json::{Map, Value};

use crate::error::{Error, ErrorCode, Result};
use crate::time::clip;

/// The fields of one JSON object of a request, read with typed errors: an unknown key is
/// `unknown_field`, a missing one `missing_field`, a wrong type `invalid_request`.
///
/// (Hand-written rather than derived: the messages name the field, and the wasm module stays
/// small, with no float formatting pulled in by serde's type errors.)
pub(crate) struct Fields<'a> {
    what: &'static str,
    map: &'a Map<String, Value>,
}

impl<'a> Fields<'a> {
    pub(crate) fn of(value: &'a Value, what: &'static str, allowed: &[&str]) -> Result<Self> {
        let map = value.as_object().ok_or_else(|| {
            Error::new(ErrorCode::InvalidRequest, format!("{what} must be an object, not {}", kind_of(value)))
        })?;
        if let Some(key) = map.keys().find(|k| !allowed.contains(&k.as_str())) {
            return Err(Error::new(
                ErrorCode::UnknownField,
                format!("unknown field `{}` in {what}; expected one of {}", clip(key), allowed.join(", ")),
            ));
        }
        Ok(Self { what, map })
    }

    pub(crate) fn optional(&self, key: &str) -> Option<&'a Value> {
        self.map.get(key).filter(|v| !v.is_null())
    }

    pub(crate) fn text(&self, key: &str) -> Result<String> {
        self.optional_text(key)?
            .ok_or_else(|| Error::new(ErrorCode::MissingField, format!("missing field `{key}` in {}", self.what)))
    }

    pub(crate) fn optional_text(&self, key: &str) -> Result<Option<String>> {
        match self.optional(key) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(other) => Err(Error::new(
                ErrorCode::InvalidRequest,
                format!("field `{key}` of {} must be a string, not {}", self.what, kind_of(other)),
            )),
        }
    }

    pub(crate) fn list(&self, key: &str) -> Result<&'a [Value]> {
        match self.optional(key) {
            None => Ok(&[]),
            Some(Value::Array(items)) => Ok(items),
            Some(other) => Err(Error::new(
                ErrorCode::InvalidRequest,
                format!("field `{key}` of {} must be an array, not {}", self.what, kind_of(other)),
            )),
        }
    }
}

pub(crate) fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

impl Fields<'_> {
    /// A whole number field (missing → `missing_field`, otherwise `invalid_request`).
    pub(crate) fn count(&self, key: &str) -> Result<u32> {
        let value = self
            .optional(key)
            .ok_or_else(|| Error::new(ErrorCode::MissingField, format!("missing field `{key}` in {}", self.what)))?;
        value.as_u64().and_then(|n| u32::try_from(n).ok()).ok_or_else(|| {
            Error::new(ErrorCode::InvalidRequest, format!("field `{key}` of {} must be a whole number", self.what))
        })
    }

    /// A list of strings.
    pub(crate) fn texts(&self, key: &str) -> Result<Vec<String>> {
        self.list(key)?
            .iter()
            .map(|v| match v {
                Value::String(s) => Ok(s.clone()),
                other => Err(Error::new(
                    ErrorCode::InvalidRequest,
                    format!("`{key}` of {} must list strings, not {}", self.what, kind_of(other)),
                )),
            })
            .collect()
    }

    /// The map itself, to walk its entries.
    pub(crate) fn entries(&self) -> &Map<String, Value> {
        self.map
    }
}

impl Fields<'_> {
    /// An optional boolean field (absent or `null` → `None`; another type → `invalid_request`).
    pub(crate) fn optional_flag(&self, key: &str) -> Result<Option<bool>> {
        match self.optional(key) {
            None => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(*b)),
            Some(other) => Err(Error::new(
                ErrorCode::InvalidRequest,
                format!("field `{key}` of {} must be a boolean, not {}", self.what, kind_of(other)),
            )),
        }
    }

    /// A required boolean field (missing → `missing_field`).
    pub(crate) fn flag(&self, key: &str) -> Result<bool> {
        self.optional_flag(key)?
            .ok_or_else(|| Error::new(ErrorCode::MissingField, format!("missing field `{key}` in {}", self.what)))
    }
}
