#![allow(clippy::panic, missing_docs, reason = "a test: a failed expectation panics")]

//! The build's reader of the catalog data files (`build/catalog.rs`): the real files pass, and a
//! defect of any of them is refused with its reason (the build then fails instead of shipping it).

#[path = "../build/catalog.rs"]
#[allow(dead_code, reason = "build.rs uses `generate`; this test `generate_from`")]
mod catalog;

use catalog::{generate_from, Files};

const PLANS: &str = include_str!("../data/plans.json");
const EDITIONS: &str = include_str!("../data/care_refresh_editions.json");
const ENTERPRISE: &str = include_str!("../data/care_enterprise_terms.json");
const IPRO: &str = include_str!("../data/ipro_terms.json");
const REFRESH_CSV: &str = include_str!("../data/care_refresh_jp.csv");
const ENTERPRISE_CSV: &str = include_str!("../data/care_enterprise_jp.csv");

fn files() -> [String; 6] {
    [PLANS, EDITIONS, ENTERPRISE, IPRO, REFRESH_CSV, ENTERPRISE_CSV].map(str::to_owned)
}

fn generate(f: &[String; 6]) -> Result<String, String> {
    let [plans, editions, enterprise, ipro, refresh_csv, enterprise_csv] = f;
    generate_from(&Files { plans, editions, enterprise, ipro, refresh_csv, enterprise_csv })
}

#[test]
fn the_data_files_generate() {
    let code = generate(&files()).unwrap();
    assert!(code.contains("id: \"dji-mavic-3\""));
    assert_eq!(code.matches("RawProduct {").count(), 35 + 22);
}

/// Replaces `from` by `to` in file `i` (which must contain it) and expects an error mentioning `why`.
fn refused(i: usize, from: &str, to: &str, why: &str) {
    let mut f = files();
    let Some(file) = f.get_mut(i) else { panic!("no file {i}") };
    assert!(file.contains(from), "{from} is not in file {i}");
    *file = file.replacen(from, to, 1);
    let Err(err) = generate(&f) else { panic!("{from} → {to} was accepted") };
    assert!(err.contains(why), "{err} lacks {why}");
}

#[test]
fn defects_are_refused_with_their_reason() {
    refused(0, "\"family\": \"ipro\"", "\"family\": \"other\"", "unknown family `other`");
    refused(0, "\"months\": 12", "\"months\": -1", "`months` must be a whole number");
    refused(0, "\"sources\"", "\"source\"", "unknown field `source`");
    refused(1, "\"effectiveUntil\": \"2023-07-13\"", "\"effectiveUntil\": \"2023-02-30\"", "not a date");
    refused(1, "\"flyawayMax\": 1", "\"flyawayMin\": 1", "unknown field `flyawayMin`");
    refused(2, "\"shareWithinDays\": 30", "\"shareWithinDays\": \"30\"", "`shareWithinDays` must be a whole number");
    refused(3, "\"extra-cost\"", "\"sometimes\"", "unknown onSite `sometimes`");
    refused(3, "\"id\": \"accessory\"", "\"id\": \"camera\"", "exactly once");
    refused(3, "\"hddCovered\": true, ", "", "`hddCovered` is given exactly for kinds with an HDD");
    refused(3, "\"toIpro\": \"partner\"", "\"toIpro\": \"nobody\"", "unknown payer `nobody`");
    refused(3, "{", "", "not JSON");
    refused(4, "dji-mavic-3,DJI Mavic 3,drone,35200", "dji-mavic-3,DJI Mavic 3,drone,35200.5", "not whole yen");
    refused(4, "osmo-action-3,Osmo Action 3,handheld", "osmo-action-3,Osmo Action 3,boat", "unknown category `boat`");
    refused(4, ",yes,137500,", ",maybe,137500,", "unknown flyaway `maybe`");
    refused(4, "dji-mini-2,DJI Mini 2,", "dji-mini-2,DJI Mini 2,,", "cells, the header");
    refused(4, "dji-mini-2,", "dji-mavic-3,", "duplicate product id `dji-mavic-3`");
    refused(5, ",replace-or-repair,", ",replace,", "unknown plus_mode `replace`");
}
