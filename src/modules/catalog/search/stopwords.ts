/**
 * Query words that carry no service meaning: the way people ask ("我想…怎么办", "在哪里办理"), not what they
 * ask for. Dropped from queries only — documents keep every word.
 */
export const ZH_STOP: ReadonlySet<string> = new Set(
  (
    '我 我们 你 您 他 她 它 想 要 想要 需要 要求 我要 我想 请问 请 问 问下 问一下 一下 怎么 怎么办 怎么样 怎样 如何 ' +
    '咋 咋办 在哪 在哪里 在哪儿 哪里 哪儿 去哪 去哪里 到哪 到哪里 哪个 哪些 什么 啥 多少 多久 几天 能 能不能 可以 可不可以 ' +
    '应该 得 该 办 办理 办一下 弄 搞 做 去 到 找 给 帮 帮忙 帮我 一家 一个 一张 一本 个 家 张 本 的 了 吗 呢 吧 啊 呀 么 ' +
    '和 与 及 或 或者 还是 是 是不是 有 有没有 没有 在 把 被 就 都 也 还 又 再 这 那 这个 那个 什么样 时候 ' +
    '流程 手续 步骤 需要什么 带什么 网上 线上 在线 app 好 快 最 新 自己 本人 给我 一般 相关 事项 服务 业务 ' +
    // what people ask ABOUT a service (its guide), not which service: 需要什么材料, 在哪里办, 多少钱
    '材料 资料 所需 所需材料 清单 条件 地址 地点 电话 时间 多长时间 费用 收费 多少钱 要钱 指南 办事指南 窗口'
  ).split(/\s+/),
)

export const EN_STOP: ReadonlySet<string> = new Set(
  (
    'i me my we our you your a an the to of for in on at by with and or how do does can could would should where ' +
    'what which when who want need get getting apply application applying online please help is are be been ' +
    'it this that there here from about into new service services'
  ).split(/\s+/),
)
