//! Calls the JSON API from the command line: `cargo run --example call -- buy '{"plan": …}'`.
//! Prints the answer, or the error as `{"code": …, "field": …, "message": …}` (exit status 1).

fn main() {
    let mut args = std::env::args().skip(1);
    let function = args.next().unwrap_or_default();
    let request = args.next().unwrap_or_else(|| "{}".to_owned());
    match coverage_calc::api::call_json(&function, &request) {
        Ok(answer) => println!("{answer}"),
        Err(e) => {
            println!(
                "{}",
                serde_json::json!({ "code": e.code().as_str(), "field": e.field(), "message": e.message() })
            );
            std::process::exit(1);
        }
    }
}
