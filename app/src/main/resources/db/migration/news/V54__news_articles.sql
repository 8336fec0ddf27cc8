-- news (资讯动态): articles the policy authors write for the portal — policy interpretations, work news, notices.
CREATE TABLE news_article (
    id           BIGSERIAL PRIMARY KEY,
    category     VARCHAR(16)  NOT NULL CHECK (category IN ('INTERPRETATION', 'WORK', 'NOTICE')),
    title        VARCHAR(200) NOT NULL,
    summary      VARCHAR(500),
    body         TEXT         NOT NULL,
    item_code    VARCHAR(40),
    published_at TIMESTAMPTZ,
    author       VARCHAR(50)  NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at   TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX news_article_published ON news_article (published_at DESC) WHERE published_at IS NOT NULL;
