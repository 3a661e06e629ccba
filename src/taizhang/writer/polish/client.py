"""The office's own OpenAI-compatible model endpoint: one chat call, errors in Chinese."""

from __future__ import annotations

from dataclasses import dataclass


class PolishError(Exception):
    """The model could not be reached or gave no usable answer (message in Chinese)."""


@dataclass(frozen=True, slots=True)
class Endpoint:
    """Where the model runs: base URL, model name, optional key, time-out in seconds."""

    base_url: str
    model: str
    api_key: str = ""
    timeout: float = 60.0


def chat(endpoint: Endpoint, system: str, user: str) -> str:
    """Send one system and one user message; return the answer's text."""
    import openai

    client = openai.OpenAI(
        base_url=endpoint.base_url,
        api_key=endpoint.api_key or "not-needed",
        timeout=endpoint.timeout,
        max_retries=0,
    )
    try:
        response = client.chat.completions.create(
            model=endpoint.model,
            messages=[{"role": "system", "content": system}, {"role": "user", "content": user}],
            temperature=0.2,
        )
    except openai.APITimeoutError as exc:
        raise PolishError(f"润色模型在 {endpoint.timeout:g} 秒内没有答复") from exc
    except openai.APIConnectionError as exc:
        raise PolishError("连不上润色模型，请检查 TAIZHANG_LLM_BASE_URL") from exc
    except openai.APIStatusError as exc:
        raise PolishError(f"润色模型返回错误（HTTP {exc.status_code}）") from exc
    except openai.OpenAIError as exc:
        raise PolishError("润色模型调用失败") from exc
    choices = getattr(response, "choices", None) or []
    text = (choices[0].message.content or "") if choices else ""
    if not text.strip():
        raise PolishError("润色模型返回了空内容")
    return text.strip()
