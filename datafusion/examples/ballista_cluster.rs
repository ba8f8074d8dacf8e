//! A Ballista scheduler or executor with tongji's functions registered, so that SQL using them
//! (`tongji_yoy(period, value) OVER …`, `tongji_growth(…)`) runs on a cluster. Every process
//! needs them: the scheduler plans with them, the executors run them.
//!
//! ```text
//! cargo run --release --example ballista_cluster -- scheduler 50050
//! cargo run --release --example ballista_cluster -- executor localhost 50050 50051   # one a machine
//! ```
//!
//! A client connects with `SessionContext::remote("df://host:50050")` and then calls
//! `tongji_datafusion::register(&ctx)`: Ballista builds the client's session with its own
//! functions, so they are registered after it (tests/cluster.rs does all of this in one process,
//! with two executors).

use std::sync::Arc;

use ballista_core::registry::BallistaFunctionRegistry;
use ballista_core::utils::default_session_builder;
use ballista_executor::executor_process::{ExecutorProcessConfig, start_executor_process};
use ballista_scheduler::cluster::BallistaCluster;
use ballista_scheduler::config::SchedulerConfig;
use ballista_scheduler::scheduler_process::start_server;

/// Ballista's own functions and tongji's, for an executor.
fn registry() -> BallistaFunctionRegistry {
    let mut registry = BallistaFunctionRegistry::default();
    for f in tongji_datafusion::scalar_functions() {
        registry.scalar_functions.insert(f.name().to_string(), f);
    }
    for f in tongji_datafusion::window_functions() {
        registry.window_functions.insert(f.name().to_string(), f);
    }
    registry
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |i: usize| args.get(i).map(String::as_str);
    match arg(0) {
        Some("scheduler") => {
            let port: u16 = arg(1).unwrap_or("50050").parse()?;
            let config = SchedulerConfig {
                bind_port: port,
                ..SchedulerConfig::default()
            }
            .with_override_session_builder(Arc::new(|config| {
                let mut state = default_session_builder(config)?;
                tongji_datafusion::register_with(&mut state)?;
                Ok(state)
            }));
            let cluster = BallistaCluster::new_from_config(&config).await?;
            start_server(
                cluster,
                format!("0.0.0.0:{port}").parse()?,
                Arc::new(config),
            )
            .await?;
        }
        Some("executor") => {
            let port: u16 = arg(3).unwrap_or("50051").parse()?;
            let config = ExecutorProcessConfig {
                scheduler_host: arg(1).unwrap_or("localhost").to_string(),
                scheduler_port: arg(2).unwrap_or("50050").parse()?,
                port,
                grpc_port: port + 1,
                override_function_registry: Some(Arc::new(registry())),
                ..ExecutorProcessConfig::default()
            };
            start_executor_process(Arc::new(config)).await?;
        }
        _ => {
            eprintln!(
                "usage: ballista_cluster scheduler [PORT] | executor [SCHEDULER_HOST] [SCHEDULER_PORT] [PORT]"
            );
            std::process::exit(2);
        }
    }
    Ok(())
}
