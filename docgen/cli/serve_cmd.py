"""``docgen serve``: the web page and the HTTP API, on this machine by default."""

from __future__ import annotations

from pathlib import Path

import click

from docgen.i18n import tr


@click.command()
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="监听地址；非本机地址必须设置令牌 / address to listen on (beyond loopback needs a token).",
)
@click.option("--port", default=8000, show_default=True, type=int, help="端口 / port.")
@click.option(
    "--token",
    default=None,
    help="访问令牌（也可用环境变量 DOCGEN_SERVE_TOKEN）/ access token (or DOCGEN_SERVE_TOKEN).",
)
@click.option(
    "--workdir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("docgen-serve"),
    show_default=True,
    help="服务器的工作目录（上传、任务、缩略图）/ the server's work folder.",
)
@click.option(
    "--pdf-workers",
    default=1,
    show_default=True,
    type=click.IntRange(1, 8),
    help="常驻 LibreOffice 个数 / warm LibreOffice workers.",
)
@click.option(
    "--batch-workers",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="批量任务的并行进程数 / processes per batch job.",
)
@click.option(
    "--workers",
    default=4,
    show_default=True,
    type=click.IntRange(1, 64),
    help="同时渲染/转换的请求数 / requests rendering or converting at once.",
)
@click.option(
    "--queue",
    "waiting",
    default=256,
    show_default=True,
    type=click.IntRange(0),
    help="排队等待的请求上限，超出返回 503 / requests that may wait; beyond them: 503.",
)
@click.option(
    "--executor", default=None, help="批量任务交给 Dask：dask://HOST:PORT / run batch rows on Dask."
)
def serve(
    host: str,
    port: int,
    token: str | None,
    workdir: Path,
    pdf_workers: int,
    batch_workers: int,
    workers: int,
    waiting: int,
    executor: str | None,
) -> None:
    """启动网页和 HTTP 接口（默认只监听本机）。

    Start the web page for secretaries and the HTTP API for other systems
    (OpenAPI docs at /docs). Listens on 127.0.0.1 unless --host is given; any
    other address requires --token or DOCGEN_SERVE_TOKEN.
    """
    # Imported here: the other commands should not pay for loading the web stack.
    import uvicorn

    from docgen.serve import Limits, ServeSettings, create_app
    from docgen.serve.settings import bind_refusal

    settings = ServeSettings.from_env(
        workdir,
        host=host,
        port=port,
        token=token,
        pdf_workers=pdf_workers,
        batch_workers=batch_workers,
        executor=executor,
        limits=Limits(workers=workers, waiting=waiting),
    )
    refusal = bind_refusal(settings)
    if refusal is not None:
        raise click.UsageError(refusal)
    click.echo(
        tr(
            f"docgen 服务：http://{_shown(host)}:{port}/  （接口文档 /docs）",
            f"docgen serving at http://{_shown(host)}:{port}/ (API docs at /docs)",
        )
    )
    uvicorn.run(create_app(settings), host=host, port=port, log_level="info")


def _shown(host: str) -> str:
    return f"[{host}]" if ":" in host else host


COMMANDS = [serve]
