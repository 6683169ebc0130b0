//! `kaimono`: the one binary — serve, migrate, seed, worker, openapi.

use clap::{Parser, Subcommand};
use kaimono_api::config::{Config, Environment};
use kaimono_core::{OffsetClock, SharedClock, SystemClock};
use std::sync::Arc;

#[derive(Parser)]
#[command(name = "kaimono", version, about = "Commerce backend for Japanese retail")]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the API (and the SPA when built); the default.
    Serve {
        /// Load the demo mall into an empty database and print its logins.
        #[arg(long)]
        demo: bool,
        /// Do not run background jobs in this process (run `kaimono worker` instead).
        #[arg(long)]
        no_jobs: bool,
    },
    /// Apply pending database migrations.
    Migrate,
    /// Load data.
    Seed {
        /// The demo mall.
        #[arg(long)]
        demo: bool,
    },
    /// Run only the background jobs (safe to run several, next to any number of `serve`).
    Worker,
    /// Print the OpenAPI document.
    Openapi {
        /// Write it to this file instead of standard output.
        #[arg(long)]
        output: Option<std::path::PathBuf>,
    },
}

fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_env("KAIMONO_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn,sea_orm=warn,sea_orm_migration=warn"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_target(false);
    if std::env::var("KAIMONO_LOG_FORMAT").is_ok_and(|f| f == "json") {
        builder.json().init();
    } else {
        builder.init();
    }
}

fn print_logins(logins: &[kaimono_api::seed::DemoLogin]) {
    println!("\nkaimono demo logins (password: {})", kaimono_api::seed::DEMO_PASSWORD);
    for login in logins {
        println!("  {:<40} {}", login.email, login.role);
    }
    println!();
}

/// SIGTERM (what process managers send) or SIGINT (Ctrl-C).
async fn stop_signal() -> std::io::Result<()> {
    let mut terminate = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())?;
    tokio::select! {
        result = tokio::signal::ctrl_c() => result,
        _ = terminate.recv() => Ok(()),
    }
}

#[actix_web::main]
async fn main() -> anyhow::Result<()> {
    kaimono_payments::install_crypto_provider();
    let cli = Cli::parse();
    if let Some(Command::Openapi { output }) = &cli.command {
        let json = kaimono_api::app::openapi_json()?;
        match output {
            Some(path) => std::fs::write(path, json)?,
            None => print!("{json}"),
        }
        return Ok(());
    }
    init_logging();
    let config = match Config::from_env() {
        Ok(config) => config,
        Err(e) => {
            eprintln!("configuration error: {e}");
            std::process::exit(2);
        }
    };
    if config.jwt_secret_generated {
        tracing::warn!("KAIMONO_JWT_SECRET is not set: using a random secret, so sessions end when the process stops");
    }
    // With the development helpers on (never in production), a clock the browser tests can move ahead.
    let clock: SharedClock = if config.dev_mailbox { Arc::new(OffsetClock::default()) } else { Arc::new(SystemClock) };
    let command = cli.command.unwrap_or(Command::Serve { demo: false, no_jobs: false });
    if matches!(command, Command::Serve { demo: true, .. } | Command::Seed { demo: true })
        && config.env == Environment::Production
    {
        eprintln!(
            "configuration error: --demo creates logins whose password is published in the README; it is \
             refused with KAIMONO_ENV=production"
        );
        std::process::exit(2);
    }
    match command {
        Command::Serve { demo, no_jobs } => {
            let mut config = config;
            config.run_jobs &= !no_jobs;
            let (listen, backlog) = (config.listen, config.listen_backlog);
            let state = kaimono_api::server::prepare(config, clock.clone()).await?;
            if demo {
                print_logins(&kaimono_api::seed::seed_demo(&state.db, &state.storage, clock.now()).await?);
            }
            if state.config.dev_mailbox {
                tracing::warn!("the development mailbox is on: every email is readable at /api/v1/dev/mailbox");
            }
            let listener = kaimono_api::server::bind(listen, backlog)?;
            tracing::info!(address = %listener.local_addr()?, public_url = %state.config.public_url, "kaimono is listening");
            println!("kaimono: open {} (API docs at {}/api/docs)", state.config.public_url, state.config.public_url);
            kaimono_api::server::run(state, listener).await
        }
        Command::Migrate => {
            let db = kaimono_api::database::connect(&config.database_url, &config.limits).await?;
            kaimono_api::database::migrate(&db).await?;
            tracing::info!("migrations applied");
            Ok(())
        }
        Command::Seed { demo } => {
            if !demo {
                anyhow::bail!("say what to seed: `kaimono seed --demo`");
            }
            let state = kaimono_api::server::prepare(config, clock.clone()).await?;
            print_logins(&kaimono_api::seed::seed_demo(&state.db, &state.storage, clock.now()).await?);
            Ok(())
        }
        Command::Worker => {
            let state = kaimono_api::server::prepare(config, clock).await?;
            if state.config.smtp_url.is_none() {
                tracing::warn!("KAIMONO_SMTP_URL is not set: the worker has nothing to send");
            }
            let jobs = kaimono_api::jobs::spawn(&state)?;
            tracing::info!("worker running; SIGTERM or Ctrl-C to stop");
            stop_signal().await?;
            tracing::info!("stopping: finishing the batches in hand and releasing leases");
            jobs.stop(kaimono_api::server::SHUTDOWN_GRACE).await;
            state.db.close().await.ok();
            tracing::info!("worker stopped");
            Ok(())
        }
        Command::Openapi { .. } => Ok(()),
    }
}
